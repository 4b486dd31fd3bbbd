using System.Globalization;
using OCore.Api.V1Alpha1;
using OCore.Management.Projects;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>Builds the repository page from a Project (pure: permissions and the revealed secret are passed in).</summary>
internal static class RepositoryViews
{
    public static RepositoryModel From(Project project, int mappings, bool canManage, bool canReadSecret, string? revealedSecret, bool revealRefused)
    {
        ArgumentNullException.ThrowIfNull(project);
        var status = project.Status;
        var provider = status?.Provider ?? project.Spec.Repository.Provider;
        var state = RepositoryConnections.BadSpec(project) is not null ? "invalid"
            : RepositoryConnections.IsConnected(project, project.Metadata.Generation) ? "connected"
            : "pending";
        var access = Conditions.Find(status?.Conditions, ConditionTypes.RepositoryAccessible);
        var delivery = status?.Webhook?.LastDelivery;
        return new RepositoryModel(
            project.Metadata.NamespaceProperty,
            project.Metadata.Name,
            project.Spec.Repository.Url,
            project.Spec.Repository.Branch ?? RepositoryConnections.DefaultBranch,
            provider?.ToString().ToLowerInvariant(),
            project.Spec.Repository.KnownHosts,
            state,
            status?.ProjectId,
            status?.DeployKey?.PublicKey,
            status?.DeployKey?.Fingerprint,
            Message(project, ConditionTypes.DeployKeyReady),
            status?.Webhook?.Url,
            WebhookSecrets.SecretName(project),
            revealedSecret,
            revealRefused,
            access?.Status switch { ConditionStatus.True => "accessible", ConditionStatus.False => "refused", _ => "not checked yet" },
            access?.Message is { Length: > 0 } accessMessage ? accessMessage : null,
            delivery is null ? null : string.Create(CultureInfo.InvariantCulture, $"{delivery.Time:yyyy-MM-dd HH:mm:ss} UTC · {delivery.Event} · {delivery.Result}"),
            status?.GithubApp?.InstallationRef?.Name is { } installation ? $"{installation} (matched by {status.GithubApp.MatchedBy?.ToString().ToLowerInvariant() ?? "owner"})" : null,
            ProviderGuide.For(provider),
            canManage,
            canReadSecret,
            Troubleshooting.ForProject(project, mappings, canManage));
    }

    private static string? Message(Project project, string type) =>
        Conditions.Find(project.Status?.Conditions, type)?.Message is { Length: > 0 } message ? message : null;
}
