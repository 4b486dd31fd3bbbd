using System.Text.Json;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Hosting;

[Collection(ConsoleCollection.Name)]
public sealed class LogFormatTests
{
    [Fact]
    public async Task Default_console_format_is_readable_text()
    {
        var output = await ConsoleOutputOf(new ReceiverFactory(), "fmt-text-1");

        var line = Assert.Single(output, l => l.Contains("fmt-text-1", StringComparison.Ordinal));
        Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] ", line);
        Assert.Contains($"Webhook GitHub push delivery fmt-text-1 for project {ReceiverFactory.GitHubProject}: 202 queued: 1 deployment(s) queued", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_format_json_writes_compact_json()
    {
        var output = await ConsoleOutputOf(new JsonLogFactory(), "fmt-json-1");

        var line = Assert.Single(output, l => l.Contains("fmt-json-1", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line);
        Assert.True(json.RootElement.TryGetProperty("@t", out _));
        Assert.Equal("fmt-json-1", json.RootElement.GetProperty("DeliveryId").GetString());
        Assert.Equal(ReceiverFactory.GitHubProject, json.RootElement.GetProperty("ProjectId").GetString());
        Assert.Equal(202, json.RootElement.GetProperty("StatusCode").GetInt32());
    }

    private static async Task<string[]> ConsoleOutputOf(ReceiverFactory factory, string deliveryId)
    {
        using (factory)
        {
            var client = factory.CreateClient();
            var original = Console.Out;
            using var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                await WebhookRequest.GitHub("push", deliveryId).Payload("github-push.json").Sign().SendAsync(client);
            }
            finally
            {
                Console.SetOut(original);
            }

            return captured.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    private sealed class JsonLogFactory() : ReceiverFactory(new Dictionary<string, string?> { ["log-format"] = "json" });
}
