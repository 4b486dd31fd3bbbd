using OCore.WebhookReceiver.Projects;

namespace OCore.Bench.Receiver;

/// <summary>An in-memory directory with one project, like the receiver's watch cache after it has synced.</summary>
internal sealed class BenchProjectDirectory(WebhookProject project) : IWebhookProjectDirectory
{
    public WebhookProject? Find(string projectId) => projectId == project.ProjectId ? project : null;
}
