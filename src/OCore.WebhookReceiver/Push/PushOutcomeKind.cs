namespace OCore.WebhookReceiver.Push;

public enum PushOutcomeKind
{
    /// <summary>Work was queued: Deployments, or the teardown of a deleted branch's environment.</summary>
    Queued,

    /// <summary>Nothing to do, e.g. the branch has no mapping.</summary>
    Ignored,

    /// <summary>This delivery was already handled (a redelivery); nothing new was created.</summary>
    Duplicate,
}
