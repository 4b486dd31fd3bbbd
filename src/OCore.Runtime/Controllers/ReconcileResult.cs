namespace OCore.Runtime.Controllers;

/// <summary>What the queue does next with a key: nothing, or look again after a delay. Errors are thrown.</summary>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter)
{
    public static ReconcileResult Done => new(null);

    public static ReconcileResult After(TimeSpan delay) => new(delay);
}
