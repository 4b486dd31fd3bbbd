using System.Globalization;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using OCore.Api.GitHubApp;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.GitHubApp;
using OCore.WebhookReceiver.Api.Contracts;
using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.GitHubApp;

namespace OCore.WebhookReceiver.Api;

/// <summary>
/// Organization Settings › GitHub App: the App's configuration with a signed install link, the installations, and the
/// soft delete. The organization is a namespace: <c>?organization=</c>, or the one namespace this oCore serves.
/// Everything here needs the manage:org_settings role there (<see cref="Roles.ManageOrgSettings"/>).
/// </summary>
internal sealed class GitHubAppSettingsApi(CallerKubernetes kubernetes, GitHubAppSecretSource secrets, IOptions<ClusterOptions> cluster, TimeProvider time)
{
    public async Task<IResult> GetAsync(HttpRequest request, string? organization, CancellationToken cancellationToken)
    {
        if (CheckOrganization(organization, out var @namespace) is { } problem)
            return problem;
        return await ApiCall.RunAsync(Roles.ManageOrgSettings, @namespace, async () =>
        {
            // The install link lets its holder link an installation to the organization: only for those who may do so.
            if (!await MayLinkAsync(@namespace, cancellationToken))
                return ApiProblems.Forbidden($"you may not create githubinstallations in namespace {@namespace}", Roles.ManageOrgSettings, @namespace);
            var keys = await secrets.GetAsync(cancellationToken);
            var active = (await GitHubInstallations.ListAsync(kubernetes.In(@namespace), cancellationToken)).Count(GitHubInstallations.IsActive);
            var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
            var setupUrl = $"{root}/api/github-app/callback";
            var webhookUrl = $"{root}/api/webhooks/github-app";
            if (keys is null)
            {
                return Results.Json(new GitHubAppSettingsResponse(@namespace, false, null, null, null, null, null, setupUrl, webhookUrl, active,
                    "the GitHub App is not configured: create the App on GitHub and put app-id, private-key, webhook-secret and slug in the App Secret (chart value githubApp.existingSecret)"));
            }

            var appUrl = keys.Slug is null ? null : new Uri(keys.WebUrl, $"apps/{Uri.EscapeDataString(keys.Slug)}").AbsoluteUri;
            var expiresAt = time.GetUtcNow() + InstallState.DefaultLifetime;
            var installUrl = keys.Slug is null ? null : InstallLinks.For(keys.WebUrl, keys.Slug, InstallState.Mint(keys.StateKey, @namespace, expiresAt)).AbsoluteUri;
            return Results.Json(new GitHubAppSettingsResponse(@namespace, true, keys.AppId, keys.Slug, appUrl, installUrl, installUrl is null ? null : expiresAt,
                setupUrl, webhookUrl, active, installUrl is null ? "the App Secret has no slug, so no install link can be built" : null));
        });
    }

    public async Task<IResult> ListInstallationsAsync(string? organization, bool includeUnlinked, CancellationToken cancellationToken)
    {
        if (CheckOrganization(organization, out var @namespace) is { } problem)
            return problem;
        return await ApiCall.RunAsync(Roles.ManageOrgSettings, @namespace, async () =>
        {
            var installations = await GitHubInstallations.ListAsync(kubernetes.In(@namespace), cancellationToken);
            return Results.Json(new InstallationListResponse(installations.Where(i => includeUnlinked || i.Spec.Unlinked != true).Select(From).ToList()));
        });
    }

    public async Task<IResult> RemoveInstallationAsync(string installationId, string? organization, CancellationToken cancellationToken)
    {
        if (CheckOrganization(organization, out var @namespace) is { } problem)
            return problem;
        if (!long.TryParse(installationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            return ApiProblems.Invalid("installationId", $"installationId must be GitHub's positive number, not '{installationId}'");
        return await ApiCall.RunAsync(Roles.ManageOrgSettings, @namespace,
            async () => Results.Json(From(await GitHubInstallations.UnlinkAsync(kubernetes.In(@namespace), id, cancellationToken))));
    }

    public static InstallationResponse From(GitHubInstallation installation) => new(
        installation.Spec.InstallationId,
        installation.Status?.AccountLogin,
        installation.Status?.AccountType?.ToString().ToLowerInvariant(),
        installation.Status?.InstalledAt is { } installedAt ? new DateTimeOffset(DateTime.SpecifyKind(installedAt, DateTimeKind.Utc))
            : installation.Metadata.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
        GitHubInstallations.State(installation),
        installation.Metadata.Name);

    private async Task<bool> MayLinkAsync(string @namespace, CancellationToken cancellationToken)
    {
        var review = new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes
                {
                    Group = CustomResource<GitHubInstallationSpec, GitHubInstallationStatus>.Group,
                    Resource = "githubinstallations",
                    Verb = "create",
                    NamespaceProperty = @namespace,
                },
            },
        };
        var answer = await kubernetes.Client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(review, cancellationToken: cancellationToken);
        return answer.Status?.Allowed == true;
    }

    /// <summary>The namespace asked for, or the only one served; a problem answer when neither will do.</summary>
    private IResult? CheckOrganization(string? requested, out string @namespace)
    {
        var served = cluster.Value.WatchNamespace;
        @namespace = !string.IsNullOrEmpty(requested) ? requested : served ?? "";
        if (@namespace.Length == 0)
            return ApiProblems.Invalid("organization", "add ?organization=<namespace>: the oCore organization (Kubernetes namespace) whose settings to use");
        if (!string.IsNullOrEmpty(served) && served != @namespace)
            return ApiProblems.NotFound($"this oCore does not serve organization '{@namespace}'");
        return null;
    }
}
