using OCore.Api.Git;
using OCore.Api.V1Alpha1;
using OCore.Management.Projects;

namespace OCore.WebhookReceiver.Dashboard.Views;

public sealed record ProjectRow(string Name, string Url, string? Provider, string State, string? Message)
{
    public static ProjectRow From(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var ready = Conditions.Find(project.Status?.Conditions, ConditionTypes.Ready);
        var state = RepositoryConnections.BadSpec(project) is not null ? "invalid"
            : ready?.Status == ConditionStatus.True ? "ready"
            : RepositoryConnections.IsConnected(project, project.Metadata.Generation) ? "connected"
            : "pending";
        return new(project.Metadata.Name, project.Spec.Repository.Url, (project.Status?.Provider ?? project.Spec.Repository.Provider) is { } provider ? GitProviderNames.Of(provider) : null,
            state, ready?.Message is { Length: > 0 } message ? message : null);
    }
}
