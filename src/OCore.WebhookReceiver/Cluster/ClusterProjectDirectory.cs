using System.Globalization;
using OCore.Api.Git;
using OCore.Api.Secrets;
using OCore.WebhookReceiver.Projects;

namespace OCore.WebhookReceiver.Cluster;

/// <summary>Finds a project and its webhook secrets by project id in the watch caches.</summary>
public sealed class ClusterProjectDirectory(ClusterCaches caches) : IWebhookProjectDirectory
{
    public WebhookProject? Find(string projectId)
    {
        var project = caches.Projects.ByIndex(ClusterCaches.ByProjectId, projectId) is [var only] ? only : null;
        if (project?.Status?.Provider is not { } provider || !RepositoryUrl.TryParse(project.Spec.Repository.Url, out var repository, out _))
            return null;
        var secret = caches.Secrets.Get(project.Metadata.NamespaceProperty, WebhookSecretFormat.NameFor(project.Metadata.Name));
        if (secret?.Data is null)
            return null;

        var secrets = new List<WebhookSecret>();
        if (secret.Data.TryGetValue(WebhookSecretFormat.SecretKey, out var current))
            secrets.Add(new WebhookSecret(current, null));
        if (secret.Data.TryGetValue(WebhookSecretFormat.PreviousSecretKey, out var previous)
            && secret.Metadata.Annotations?.TryGetValue(WebhookSecretFormat.PreviousValidUntilAnnotation, out var until) == true
            && DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var validUntil))
            secrets.Add(new WebhookSecret(previous, validUntil));
        return new WebhookProject(project.Metadata.NamespaceProperty, project.Metadata.Name, projectId, provider, repository, secrets);
    }
}
