namespace OCore.Runtime.Informers;

public sealed record InformerOptions
{
    /// <summary>Watch one namespace; all when null.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    /// <summary>How often every cached object is replayed to handlers (a safety net for missed work); zero disables.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Keep metadata.managedFields in cached objects (dropped by default: memory, and nothing reads them).</summary>
    public bool KeepManagedFields { get; init; }

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
