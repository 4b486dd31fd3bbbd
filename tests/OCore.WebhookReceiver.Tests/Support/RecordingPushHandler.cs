using System.Collections.Concurrent;
using OCore.WebhookReceiver.Projects;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Tests.Support;

/// <summary>
/// Records every push it receives, by delivery id, and answers as the test says for that delivery. Without
/// instructions it queues one Deployment per created or updated branch, named after the branch.
/// </summary>
public sealed class RecordingPushHandler : IPushHandler
{
    private readonly ConcurrentDictionary<string, (WebhookProject Project, PushEvent Push)> _received = new();
    private readonly ConcurrentDictionary<string, Func<PushEvent, PushOutcome>> _answers = new();

    public void AnswerFor(string deliveryId, Func<PushEvent, PushOutcome> answer) => _answers[deliveryId] = answer;

    public PushEvent? Received(string deliveryId) =>
        _received.TryGetValue(deliveryId, out var call) ? call.Push : null;

    public WebhookProject? ProjectOf(string deliveryId) =>
        _received.TryGetValue(deliveryId, out var call) ? call.Project : null;

    public Task<PushOutcome> HandleAsync(WebhookProject project, PushEvent push, CancellationToken cancellationToken)
    {
        _received[push.DeliveryId] = (project, push);
        var answer = _answers.TryGetValue(push.DeliveryId, out var custom) ? custom : DeployBranches;
        return Task.FromResult(answer(push));
    }

    private static PushOutcome DeployBranches(PushEvent push)
    {
        var deployments = push.BranchChanges
            .Where(change => change.Kind != RefChangeKind.Deleted)
            .Select(change => new QueuedDeployment($"deploy-{change.Branch!.Replace('/', '-')}", change.Branch!, change.Branch!, change.After!))
            .ToArray();
        return deployments.Length > 0
            ? PushOutcome.Queued(deployments, $"{deployments.Length} deployment(s) queued")
            : PushOutcome.Ignored("nothing to deploy");
    }
}
