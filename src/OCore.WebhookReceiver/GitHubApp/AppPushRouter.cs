using OCore.Api.Git;
using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.Projects;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>
/// Routes a push the App's webhook delivered to every Project whose repository is the pushed one (owner/name,
/// case-insensitive), in the namespaces linked to the delivering installation, and hands each to the push
/// handler: the same Deployments, names and idempotence as the per-project endpoint.
/// </summary>
internal sealed class AppPushRouter(ClusterCaches caches, IPushHandler pushHandler, IEnumerable<IDeliveryRecorder> recorders)
{
    /// <summary>The projects a push of <paramref name="fullName"/> through installation <paramref name="installationId"/> reaches.</summary>
    public IReadOnlyList<WebhookProject> ProjectsFor(long installationId, string fullName)
    {
        var namespaces = caches.Installations.ByIndex(ClusterCaches.ByInstallationId, installationId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Where(i => i.Spec.Unlinked != true && i.Metadata.DeletionTimestamp is null)
            .Select(i => i.Metadata.NamespaceProperty)
            .Distinct(StringComparer.Ordinal);
        var projects = new List<WebhookProject>();
        foreach (var ns in namespaces)
        {
            foreach (var project in caches.Projects.List(ns).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal))
            {
                if (project.Status is { ProjectId: { } projectId, Provider: GitProvider.GitHub }
                    && RepositoryUrl.TryParse(project.Spec.Repository.Url, out var repository, out _)
                    && repository.HasFullName(fullName))
                    projects.Add(new WebhookProject(ns, project.Metadata.Name, projectId, GitProvider.GitHub, repository, []));
            }
        }

        return projects;
    }

    /// <summary>Hands the push to each project; one outcome per project, in order.</summary>
    public async Task<IReadOnlyList<(WebhookProject Project, PushOutcome Outcome)>> HandleAsync(
        IReadOnlyList<WebhookProject> projects, PushEvent push, CancellationToken cancellationToken)
    {
        var outcomes = new List<(WebhookProject, PushOutcome)>();
        foreach (var project in projects)
            outcomes.Add((project, await pushHandler.HandleAsync(project, push, cancellationToken)));
        return outcomes;
    }

    public void Record(WebhookProject project, string? deliveryId, string eventName, int statusCode, string message)
    {
        foreach (var recorder in recorders)
            recorder.Record(project, deliveryId, eventName, statusCode, message);
    }
}
