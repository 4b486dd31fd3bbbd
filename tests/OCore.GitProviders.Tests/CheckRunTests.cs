using OCore.GitProviders.GitHubApp;
using OCore.GitProviders.Tests.Support;

namespace OCore.GitProviders.Tests;

public sealed class CheckRunTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public async Task Create_posts_every_given_field_and_returns_the_run()
    {
        await using var h = await GitHubAppHarness.StartAsync();

        var run = await h.Client.CreateCheckRunAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", new NewCheckRun
        {
            Name = "oCore / production",
            HeadSha = Sha,
            Status = CheckRunStatus.InProgress,
            DetailsUrl = new Uri("https://ocore.example.com/deployments/d-1"),
            ExternalId = "d-1",
            StartedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 5, TimeSpan.FromHours(1)),
            Output = new CheckRunOutput("Deploying", "Building the image"),
        });

        var request = Assert.Single(h.Server.Writes);
        Assert.Equal("POST /repos/acme/odoo-custom/check-runs", request.ToString());
        JsonAssert.Equal($$$"""{"name":"oCore / production","head_sha":"{{{Sha}}}","status":"in_progress","details_url":"https://ocore.example.com/deployments/d-1","external_id":"d-1","started_at":"2026-03-01T11:00:05Z","output":{"title":"Deploying","summary":"Building the image"}}""",
            request.Body);
        Assert.Equal(new Uri($"https://github.com/acme/odoo-custom/runs/{run.Id}"), run.HtmlUrl);
    }

    [Fact]
    public async Task Update_patches_only_the_given_fields_and_cuts_long_output_safely()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        // An emoji (surrogate pair) straddles the cut point.
        var log = new string('x', 65535 - 15 - 1) + "😀" + new string('y', 100);
        var summary = new string('s', 65535);

        var run = await h.Client.UpdateCheckRunAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", 77, new CheckRunUpdate
        {
            Conclusion = CheckRunConclusion.TimedOut,
            Status = CheckRunStatus.Completed,
            Output = new CheckRunOutput("Timed out", summary, log),
        });

        Assert.Equal(77, run.Id);
        var request = Assert.Single(h.Server.Writes);
        Assert.Equal("PATCH /repos/acme/odoo-custom/check-runs/77", request.ToString());
        var body = request.Json;
        Assert.Equal(["status", "conclusion", "output"], body.Select(p => p.Key));
        Assert.Equal(("completed", "timed_out"), (body["status"]!.GetValue<string>(), body["conclusion"]!.GetValue<string>()));
        var output = body["output"]!.AsObject();
        Assert.Equal(summary, output["summary"]!.GetValue<string>()); // exactly at the limit: kept whole
        var text = output["text"]!.GetValue<string>();
        Assert.True(text.Length <= 65535);
        Assert.EndsWith("x\n\n… (truncated)", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\uD83D', text);
    }

    [Fact]
    public async Task A_completed_run_without_conclusion_is_rejected_before_any_request()
    {
        await using var h = await GitHubAppHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.CreateCheckRunAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom",
            new NewCheckRun { Name = "oCore", HeadSha = Sha, Status = CheckRunStatus.Completed }));

        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task A_conclusion_alone_completes_with_its_timestamp()
    {
        await using var h = await GitHubAppHarness.StartAsync();

        await h.Client.UpdateCheckRunAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", 5, new CheckRunUpdate
        {
            Conclusion = CheckRunConclusion.Success,
            CompletedAt = GitHubAppHarness.Start,
        });

        JsonAssert.Equal("""{"conclusion":"success","completed_at":"2026-03-01T12:00:00Z"}""", Assert.Single(h.Server.Writes).Body);
    }
}
