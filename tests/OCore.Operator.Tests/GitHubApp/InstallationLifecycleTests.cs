using System.Diagnostics;
using OCore.Api.GitHubApp;
using OCore.Api.V1Alpha1;
using OCore.Testing;
using OCore.Testing.FakeGitHub;
using k8s;
using k8s.Models;

namespace OCore.Operator.Tests.GitHubApp;

/// <summary>Verification, suspension, soft delete and rate limits of GitHubInstallations, and what routing makes of them.</summary>
public sealed class InstallationLifecycleTests : IAsyncDisposable
{
    private AppOperator? _app;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [Fact]
    public async Task Unlinking_skips_the_installation_in_routing_and_the_project_stays_ready()
    {
        _app = await AppOperator.StartAsync(setUp: gitHub => gitHub.AddInstallation(3001, "acme"));
        await _app.CreateInstallationAsync("acme", 3001);
        await _app.Resources.CreateProjectAsync("erp", "git@github.com:acme/odoo.git");
        await _app.InstalledByAppAsync("erp");

        await PatchSpecAsync("acme", new { unlinked = true });
        var installation = await _app.InstallationUntilAsync("acme", i => AppOperator.Condition(i, ConditionTypes.Ready)?.Reason == "Unlinked", "Ready reason Unlinked");
        var ready = AppOperator.Condition(installation, ConditionTypes.Ready)!;
        Assert.Equal(ConditionStatus.True, ready.Status);
        Assert.Equal("installation 3001 is unlinked: kept for the record; routing skips it", ready.Message);
        Assert.Equal("acme", installation.Status!.AccountLogin);

        var project = await _app.ProjectUntilAsync("erp", p => AppOperator.Condition(p, ConditionTypes.GitHubAppRouted)?.Reason == "NoInstallation", "routing skips it");
        Assert.Null(project.Status!.GithubApp);
        Assert.True(AppOperator.IsReadyApartFromReachability(project), "manual setup keeps working: the project stays Ready");
        Assert.Contains("Deploy Keys > Add deploy key", AppOperator.Condition(project, ConditionTypes.DeployKeyReady)!.Message, StringComparison.Ordinal);
        // The deploy key and webhook stay on GitHub.
        Assert.Single(_app.GitHub.Repository("acme", "odoo").Keys);
        Assert.Single(_app.GitHub.Repository("acme", "odoo").Hooks);
    }

    [Fact]
    public async Task A_suspended_installation_is_not_ready_and_is_routed_again_after_unsuspend_and_refresh()
    {
        FakeInstallation fake = null!;
        _app = await AppOperator.StartAsync(setUp: gitHub =>
        {
            fake = gitHub.AddInstallation(4001, "acme");
            fake.SuspendedAt = DateTimeOffset.UtcNow;
        });
        await _app.CreateInstallationAsync("acme", 4001);
        await _app.Resources.CreateProjectAsync("erp", "git@github.com:acme/odoo.git");

        var suspended = await _app.InstallationUntilAsync("acme", i => i.Status?.Suspended == true && AppOperator.Condition(i, ConditionTypes.Ready) is not null, "suspension recorded");
        var ready = AppOperator.Condition(suspended, ConditionTypes.Ready)!;
        Assert.Equal((ConditionStatus.False, "Suspended"), (ready.Status, ready.Reason));
        Assert.Contains("suspended on GitHub", ready.Message, StringComparison.Ordinal);
        await _app.ProjectUntilAsync("erp", p => AppOperator.Condition(p, ConditionTypes.GitHubAppRouted)?.Reason == "NoInstallation", "a suspended installation is not routed");

        fake.SuspendedAt = null;
        await _app.Resources.AnnotateAsync("githubinstallations", "acme", InstallationAnnotations.Refresh, "unsuspend-delivery-1");
        await _app.InstallationUntilAsync("acme", i => i.Status?.Suspended == false && Conditions.IsTrue(i.Status.Conditions, ConditionTypes.Ready), "active again at once");
        await _app.InstalledByAppAsync("erp");
    }

    [Fact]
    public async Task An_installation_GitHub_does_not_know_fails_verification()
    {
        _app = await AppOperator.StartAsync();
        await _app.CreateInstallationAsync("gone", 999);
        var installation = await _app.InstallationUntilAsync("gone", i => AppOperator.Condition(i, ConditionTypes.Ready) is not null, "verification ran");
        var ready = AppOperator.Condition(installation, ConditionTypes.Ready)!;
        Assert.Equal((ConditionStatus.False, "GitHub does not know installation 999; install the App again"), (ready.Status, ready.Message));
        Assert.Equal(ConditionStatus.False, AppOperator.Condition(installation, ConditionTypes.Verified)!.Status);
        Assert.False(installation.Status!.Verified);
    }

    [Fact]
    public async Task A_rate_limited_verification_is_retried_at_the_time_GitHub_gives()
    {
        _app = await AppOperator.StartAsync(setUp: gitHub =>
        {
            gitHub.AddInstallation(6001, "acme");
            gitHub.AnswerNext(403, "API rate limit exceeded for installation", ("Retry-After", "3"), ("X-RateLimit-Remaining", "0"));
        });
        await _app.CreateInstallationAsync("acme", 6001);
        await Eventually.Until(() => _app.GitHub.Requests.Any(r => r.Path == "/app/installations/6001"), "the first verification is refused");
        var clock = Stopwatch.StartNew();
        var limited = await _app.InstallationUntilAsync("acme", i => AppOperator.Condition(i, ConditionTypes.Verified) is not null, "the rate limit is shown");
        Assert.Equal("RateLimited", AppOperator.Condition(limited, ConditionTypes.Verified)!.Reason);

        await _app.InstallationUntilAsync("acme", i => i.Status?.Verified == true, "verified after the rate limit");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.5), $"retried after {clock.Elapsed}, before GitHub's Retry-After of 3 s");
        Assert.Equal(2, _app.GitHub.Requests.Count(r => r.Path == "/app/installations/6001"));
    }

    [Fact]
    public async Task Without_the_App_configured_installations_and_projects_say_so_and_projects_stay_ready()
    {
        _app = await AppOperator.StartAsync(configureApp: false, setUp: gitHub => gitHub.AddInstallation(7001, "acme"));
        await _app.CreateInstallationAsync("acme", 7001);
        await _app.Resources.CreateProjectAsync("erp", "git@github.com:acme/odoo.git");

        var installation = await _app.InstallationUntilAsync("acme", i => AppOperator.Condition(i, ConditionTypes.Ready) is not null, "installation has a Ready condition");
        Assert.Equal((ConditionStatus.False, "AppNotConfigured"), (AppOperator.Condition(installation, ConditionTypes.Ready)!.Status, AppOperator.Condition(installation, ConditionTypes.Ready)!.Reason));
        var project = await _app.ProjectUntilAsync("erp", p => AppOperator.Condition(p, ConditionTypes.GitHubAppRouted) is not null && AppOperator.IsReadyApartFromReachability(p), "project ready");
        Assert.Equal("AppNotConfigured", AppOperator.Condition(project, ConditionTypes.GitHubAppRouted)!.Reason);
        Assert.Empty(_app.GitHub.Requests);
    }

    private Task PatchSpecAsync(string name, object spec) =>
        _app!.Cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(new { spec }), V1Patch.PatchType.MergePatch),
            "ocore.io", "v1alpha1", _app.Namespace, "githubinstallations", name);

    [Fact]
    public async Task An_installation_typed_in_by_hand_is_never_used()
    {
        // A namespace admin cannot borrow another organization's installation by writing its id into a GitHubInstallation.
        _app = await AppOperator.StartAsync(setUp: gitHub => gitHub.AddInstallation(12345678, "acme-corp"));
        await _app.CreateInstallationAsync("borrowed", 12345678, linkedThroughInstallFlow: false);
        var borrowed = await _app.InstallationUntilAsync("borrowed", i => AppOperator.Condition(i, ConditionTypes.Ready)?.Reason == "NotLinked", "the unlinked record is refused");
        Assert.False(borrowed.Status!.Verified);
        Assert.Contains("Install", AppOperator.Condition(borrowed, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);

        await _app.Resources.CreateProjectAsync("erp", "git@github.com:acme-corp/odoo-erp.git");
        var project = await _app.ProjectUntilAsync("erp", p => AppOperator.Condition(p, ConditionTypes.GitHubAppRouted)?.Reason == "NoInstallation", "not routed");
        Assert.Null(project.Status!.GithubApp);
        Assert.DoesNotContain(_app.GitHub.Writes, r => r.Path.StartsWith("/repos/acme-corp/", StringComparison.Ordinal));
    }
}
