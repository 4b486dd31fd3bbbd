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
            // Console.SetOut keeps a writer that is synchronized already; its lock guards the reads below.
            var console = TextWriter.Synchronized(captured);
            Console.SetOut(console);
            try
            {
                await WebhookRequest.GitHub("push", deliveryId).Payload("github-push.json").Sign().SendAsync(client);
                // Lines are written from a background loop, shortly after the answer.
                await WaitForAsync(console, captured, deliveryId);
            }
            finally
            {
                Console.SetOut(original);
            }

            return Snapshot(console, captured).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    private static async Task WaitForAsync(TextWriter console, StringWriter captured, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!Snapshot(console, captured).Contains(text, StringComparison.Ordinal))
            await Task.Delay(10, timeout.Token);
    }

    // The log loop writes from another thread, holding the synchronized writer's lock.
    private static string Snapshot(TextWriter console, StringWriter captured)
    {
        lock (console)
            return captured.ToString();
    }

    private sealed class JsonLogFactory() : ReceiverFactory(new Dictionary<string, string?> { ["log-format"] = "json" });
}
