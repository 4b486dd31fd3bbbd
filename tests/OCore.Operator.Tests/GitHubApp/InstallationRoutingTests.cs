using OCore.Api.V1Alpha1;

namespace OCore.Operator.Tests.GitHubApp;

/// <summary>The spec's "Per-Project Routing" table and "Fallback Behavior", end to end through the operator and a fake GitHub.</summary>
public sealed class InstallationRoutingTests : IAsyncLifetime
{
    private AppOperator _app = null!;

    public async Task InitializeAsync() => _app = await AppOperator.StartAsync(setUp: gitHub =>
    {
        gitHub.AddInstallation(12345678, "acme-corp");
        gitHub.AddInstallation(87654321, "acme-client-a");
        gitHub.AddInstallation(55555555, "devuser", "User");
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_repository_owner_routes_to_its_installation_and_an_unknown_owner_falls_back_to_the_oldest()
    {
        // "corp" is linked first; "client-a" sorts before it by name, so only the creation time makes corp the oldest.
        await _app.CreateInstallationAsync("corp", 12345678);
        await Task.Delay(1100);
        await _app.CreateInstallationAsync("client-a", 87654321);
        await _app.CreateInstallationAsync("dev", 55555555);

        var corp = await _app.InstallationUntilAsync("corp", i => Conditions.IsTrue(i.Status?.Conditions, ConditionTypes.Ready), "corp is verified and ready");
        Assert.Equal(("acme-corp", AccountType.Organization, true, false), (corp.Status!.AccountLogin, corp.Status.AccountType, corp.Status.Verified, corp.Status.Suspended));
        Assert.Equal(new DateTime(2026, 1, 15, 10, 30, 0, DateTimeKind.Utc), corp.Status.InstalledAt);
        Assert.Equal("Verified", AppOperator.Condition(corp, ConditionTypes.Verified)!.Reason);
        var dev = await _app.InstallationUntilAsync("dev", i => i.Status?.Verified == true, "dev is verified");
        Assert.Equal(("devuser", AccountType.User), (dev.Status!.AccountLogin, dev.Status.AccountType));

        await _app.Resources.CreateProjectAsync("erp", "git@github.com:acme-corp/odoo-erp.git");
        await _app.Resources.CreateProjectAsync("addons", "git@github.com:ACME-Client-A/custom-addons.git");
        await _app.Resources.CreateProjectAsync("playground", "git@github.com:devuser/playground.git");
        await _app.Resources.CreateProjectAsync("tools", "git@github.com:someone-else/tools.git");

        await AssertRoutedAsync("erp", "corp", InstallationMatch.Owner, "Installation 12345678 (corp) on account acme-corp (owner match)");
        await AssertRoutedAsync("addons", "client-a", InstallationMatch.Owner, "Installation 87654321 (client-a) on account acme-client-a (owner match)");
        await AssertRoutedAsync("playground", "dev", InstallationMatch.Owner, "Installation 55555555 (dev) on account devuser (owner match)");
        await AssertRoutedAsync("tools", "corp", InstallationMatch.Fallback, "Installation 12345678 (corp) on account acme-corp (fallback)");

        // The matched installation installs the read-only deploy key and the push webhook.
        var erp = await _app.InstalledByAppAsync("erp");
        var repository = _app.GitHub.Repository("acme-corp", "odoo-erp");
        var key = Assert.Single(repository.Keys);
        Assert.Equal(($"ocore-{_app.Namespace}-erp", true), (key.Title, key.ReadOnly));
        Assert.Equal(string.Join(' ', erp.Status!.DeployKey!.PublicKey!.Split(' ').Take(2)), key.Key);
        var hook = Assert.Single(repository.Hooks);
        Assert.Equal((erp.Status.Webhook!.Url, await _app.WebhookSecretAsync("erp"), "json"), (hook.Url, hook.Secret, hook.Config["content_type"]!.GetValue<string>()));
        Assert.Equal(["push"], hook.Events);
        Assert.Contains("installed on GitHub through the App", AppOperator.Condition(erp, ConditionTypes.DeployKeyReady)!.Message, StringComparison.Ordinal);

        // The fallback installation cannot reach another account's repository: the manual steps remain, the project stays Ready.
        var tools = await _app.ProjectUntilAsync("tools", p => AppOperator.Condition(p, ConditionTypes.DeployKeyReady)?.Reason == "GitHubAppFailed",
            "the fallback's refusal is reported");
        var deployKey = AppOperator.Condition(tools, ConditionTypes.DeployKeyReady)!;
        Assert.Contains("could not set up someone-else/tools", deployKey.Message, StringComparison.Ordinal);
        Assert.Contains("Deploy Keys > Add deploy key", deployKey.Message, StringComparison.Ordinal);
        Assert.True(AppOperator.IsReadyApartFromReachability(tools));
    }

    [Fact]
    public async Task Without_any_installation_the_project_says_so_and_stays_ready()
    {
        await _app.Resources.CreateProjectAsync("erp", "git@github.com:acme-corp/odoo-erp.git");
        var project = await _app.ProjectUntilAsync("erp", p => AppOperator.Condition(p, ConditionTypes.GitHubAppRouted)?.Reason == "NoInstallation", "not routed");
        Assert.Equal("no active GitHub App installation in this organization; deploy key and webhook must be added by hand",
            AppOperator.Condition(project, ConditionTypes.GitHubAppRouted)!.Message);
        Assert.Null(project.Status!.GithubApp);
        Assert.True(AppOperator.IsReadyApartFromReachability(project));

        // A GitLab project has nothing to do with the App.
        await _app.Resources.CreateProjectAsync("lab", "git@gitlab.com:acme/erp.git");
        var lab = await _app.ProjectUntilAsync("lab", p => p.Status?.DeployKey is not null && AppOperator.IsReadyApartFromReachability(p), "GitLab project ready");
        Assert.Null(AppOperator.Condition(lab, ConditionTypes.GitHubAppRouted));
    }

    private async Task AssertRoutedAsync(string project, string installation, InstallationMatch match, string message)
    {
        var routed = await _app.ProjectUntilAsync(project, p => p.Status?.GithubApp?.InstallationRef?.Name == installation
            && Conditions.IsTrue(p.Status.Conditions, ConditionTypes.GitHubAppRouted), $"{project} is routed to {installation}");
        Assert.Equal(match, routed.Status!.GithubApp!.MatchedBy);
        Assert.Equal(message, AppOperator.Condition(routed, ConditionTypes.GitHubAppRouted)!.Message);
    }
}
