namespace OCore.WebhookReceiver.Push;

/// <summary>What the push handler did with a push; the endpoint answers with it.</summary>
/// <param name="Kind">Queued answers 202; Ignored and Duplicate answer 200.</param>
/// <param name="Message">What happened, in words, e.g. <c>branch 'x' has no mapping</c>.</param>
/// <param name="Deployments">The Deployments queued (empty unless <paramref name="Kind"/> is Queued).</param>
public sealed record PushOutcome(PushOutcomeKind Kind, string Message, IReadOnlyList<QueuedDeployment> Deployments)
{
    public static PushOutcome Queued(IReadOnlyList<QueuedDeployment> deployments, string message) =>
        new(PushOutcomeKind.Queued, message, deployments);

    public static PushOutcome Ignored(string reason) => new(PushOutcomeKind.Ignored, reason, []);

    public static PushOutcome Duplicate(string message) => new(PushOutcomeKind.Duplicate, message, []);
}
