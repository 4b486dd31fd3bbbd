namespace OCore.Runtime.Tests.Support;

/// <summary>One write a reconciler sent: by which process, what (create/update/ack/delete), on which object, with which value, and the HTTP status.</summary>
internal sealed record SideEffect(string Process, string Action, string Target, string Value, int Status)
{
    /// <summary>When the write was sent (for Retry-After checks).</summary>
    public TimeSpan SentAt { get; init; }

    public bool Applied => Status is >= 200 and < 300;

    public override string ToString() => $"{Process} {Action} {Target}={Value} → {Status}";
}
