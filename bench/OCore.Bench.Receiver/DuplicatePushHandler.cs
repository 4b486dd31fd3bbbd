using OCore.WebhookReceiver.Projects;
using OCore.WebhookReceiver.Push;

namespace OCore.Bench.Receiver;

/// <summary>
/// The decide path's answer without an API write: every push is a redelivery of a Deployment that already exists.
/// </summary>
internal sealed class DuplicatePushHandler : IPushHandler
{
    private static readonly Task<PushOutcome> Answer =
        Task.FromResult(PushOutcome.Duplicate("Deployment already exists for this commit; nothing new was created"));

    public Task<PushOutcome> HandleAsync(WebhookProject project, PushEvent push, CancellationToken cancellationToken) => Answer;
}
