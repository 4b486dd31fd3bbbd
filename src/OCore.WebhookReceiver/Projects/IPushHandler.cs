using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Projects;

/// <summary>
/// Turns a verified push into Deployments (or a teardown for a deleted branch). The receiver calls it only for
/// pushes that change at least one branch; <see cref="PushEvent.Changes"/> still lists every ref the push touched.
/// </summary>
public interface IPushHandler
{
    Task<PushOutcome> HandleAsync(WebhookProject project, PushEvent push, CancellationToken cancellationToken);
}
