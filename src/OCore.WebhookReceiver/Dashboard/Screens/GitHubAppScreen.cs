using System.Globalization;
using OCore.Api.GitHubApp;
using OCore.Management;
using OCore.Management.GitHubApp;
using OCore.WebhookReceiver.Dashboard.Pages;
using OCore.WebhookReceiver.Dashboard.Views;
using OCore.WebhookReceiver.GitHubApp;

namespace OCore.WebhookReceiver.Dashboard.Screens;

/// <summary>
/// Organization Settings › GitHub App: the App's configuration, the install link (state signed for this
/// organization, minted only for those who may link installations here), the installations, and Remove (soft delete).
/// </summary>
internal static class GitHubAppScreen
{
    public static void Map(RouteGroupBuilder dashboard, RouteGroupBuilder forms)
    {
        dashboard.MapGet("/orgs/{ns}/settings/github-app", ShowAsync);
        forms.MapPost("/orgs/{ns}/settings/github-app/installations/{id}/remove", RemoveAsync);
    }

    private static Task<IResult> ShowAsync(HttpContext context, DashboardKubernetes kubernetes, GitHubAppSecretSource secrets, TimeProvider time, string ns) =>
        Screen.RunAsync(context, Roles.ManageOrgSettings, ns, async () =>
        {
            var cancellationToken = context.RequestAborted;
            var installations = await GitHubInstallations.ListAsync(kubernetes.In(ns), cancellationToken);
            var canLink = await Access.CanAsync(kubernetes.Client, ns, Access.OcoreGroup, "githubinstallations", "create", null, cancellationToken);
            var canManage = await Access.CanAsync(kubernetes.Client, ns, Access.OcoreGroup, "githubinstallations", "update", null, cancellationToken);
            var keys = await secrets.GetAsync(cancellationToken);
            var gitHub = keys?.WebUrl ?? new Uri("https://github.com");
            var installUrl = keys?.Slug is { } slug && canLink
                ? InstallLinks.For(keys.WebUrl, slug, InstallState.Mint(keys.StateKey, ns, time.GetUtcNow() + InstallState.DefaultLifetime)).AbsoluteUri
                : null;
            var message = keys is null ? "The GitHub App is not configured: create the App on GitHub and put app-id, private-key, webhook-secret and slug in the App Secret (chart value githubApp.existingSecret)."
                : keys.Slug is null ? "The App Secret has no slug, so no install link can be built."
                : !canLink ? $"Installing needs the {Roles.ManageOrgSettings} role in namespace {ns}."
                : null;
            var rows = installations.Select(i => InstallationRow.From(i, gitHub)).ToList();
            var hints = Troubleshooting.ForGitHubApp(rows, installUrl);
            var model = new GitHubAppModel(ns, keys is not null, keys?.AppId, keys?.Slug is { } s ? new Uri(gitHub, $"apps/{Uri.EscapeDataString(s)}").AbsoluteUri : null,
                installUrl, message, rows, canManage, hints);
            var frame = PageFrames.For(context, "Organization Settings › GitHub App", ns, tab: "github-app");
            return await PageRenderer.PageAsync<GitHubAppPage>(context, PageFrames.Parameters(frame, model));
        });

    private static Task<IResult> RemoveAsync(HttpContext context, DashboardKubernetes kubernetes, string ns, string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var installationId) || installationId <= 0)
            return Screen.ShowAsync(context, Failures.Invalid("An installation id is GitHub's positive number.", ns));
        return Screen.RunAsync(context, Roles.ManageOrgSettings, ns, async () =>
        {
            await GitHubInstallations.UnlinkAsync(kubernetes.In(ns), installationId, context.RequestAborted);
            return Results.Redirect(DashboardPaths.WithNotice(DashboardPaths.GitHubApp(ns), Notices.InstallationRemoved));
        });
    }
}
