using System.Text;
using OCore.WebhookReceiver.Parsing;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Tests.Parsing;

/// <summary>The one-pass reader of GitHub pushes gives what the document parser gives: the same push or the same message.</summary>
public sealed class GitHubPushReaderTests
{
    private const string Ref = "\"ref\":\"refs/heads/main\"";
    private const string Commits = "\"before\":\"6113728f27ae82c7b1a177c8d03f9e96e0adf246\",\"after\":\"0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c\"";

    public static TheoryData<string> Payloads => ["github-push.json", "github-tag-push.json", "github-branch-delete.json"];

    public static TheoryData<string> Bodies =>
    [
        "[]",
        "42",
        "\"text\"",
        "null",
        "{}",
        " ",
        "{\"ref\":",
        "{\"ref\":\"refs/heads/main\"} x",
        "{\"ref\":\"refs/heads/main\",}",
        "\uFEFF{\"ref\":null}",
        "{\"ref\":42}",
        "{\"ref\":\"refs/heads/a..b\"}",
        $"{{{Ref},\"before\":\"abc\"}}",
        $"{{{Ref},{Commits},\"deleted\":\"no\"}}",
        $"{{{Ref},{Commits},\"forced\":1}}",
        $"{{{Ref},{Commits}}}",
        $"{{{Ref},{Commits},\"repository\":\"acme/odoo\"}}",
        $"{{{Ref},{Commits},\"repository\":{{\"full_name\":true}}}}",
        $"{{{Ref},{Commits},\"repository\":{{\"owner\":{{\"full_name\":\"x/y\"}}}}}}",
        $"{{{Ref},{Commits},\"repository\":{{\"full_name\":\"acme/odoo\"}},\"pusher\":[]}}",
        $"{{{Ref},{Commits},\"repository\":{{\"full_name\":\"acme/odoo\"}},\"pusher\":{{\"name\":7}}}}",
        $"{{{Ref},{Commits},\"repository\":{{\"full_name\":\"acme/odoo\"}},\"pusher\":null,\"deleted\":true}}",
        // Escaped names, repeated fields (the last counts) and nested look-alikes that must not count.
        $"{{\"r\\u0065f\":\"refs/heads/main\",{Commits},\"repository\":{{\"full_name\":\"a/b\"}},\"repository\":{{\"full_name\":\"acme/odoo\"}}}}",
        $"{{{Ref},\"ref\":\"refs/tags/v1\",{Commits},\"repository\":{{\"full_name\":\"acme/odoo\",\"full_name\":\"acme/other\"}}}}",
        $"{{\"head_commit\":{{\"ref\":\"refs/heads/x\",\"after\":\"nope\"}},{Ref},{Commits},\"repository\":{{\"full_name\":\"acme/odoo\"}}}}",
        $"{{{Ref},{Commits},\"repository\":{{\"full_name\":\"acme/odoo\"}},\"created\":true,\"forced\":true,\"pusher\":{{\"name\":\"jane\"}}}}",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Real_payloads_read_the_same(string fileName) =>
        AssertSameOutcome(Support.Payloads.Read(fileName));

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Every_shape_reads_the_same_or_fails_with_the_same_message(string body) =>
        AssertSameOutcome(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Bytes_that_are_not_utf8_fail_before_reading()
    {
        var error = Assert.Throws<PayloadException>(() => GitHubPushReader.Read(new byte[] { (byte)'{', 0xFF, (byte)'}' }, "d-1", "push"));
        Assert.Equal("body is not valid UTF-8 JSON: it contains bytes that are not UTF-8", error.Message);
    }

    private static void AssertSameOutcome(byte[] body)
    {
        var expected = Outcome(() =>
        {
            using var document = JsonPayload.Parse(body);
            return GitHubPushParser.Parse(document.RootElement, "d-1", "push");
        });
        var actual = Outcome(() => GitHubPushReader.Read(body, "d-1", "push"));

        Assert.Equal(expected, actual);
    }

    private static string Outcome(Func<PushEvent> read)
    {
        try
        {
            var push = read();
            return $"{push.Provider} {push.DeliveryId} {push.EventName} {push.RepositoryFullName} {push.Pusher} [{string.Join("; ", push.Changes)}]";
        }
        catch (PayloadException e)
        {
            return "error: " + e.Message;
        }
    }
}
