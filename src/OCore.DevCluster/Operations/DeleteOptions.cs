namespace OCore.DevCluster.Operations;

/// <summary>metav1.DeleteOptions, merged from the body and the query string.</summary>
internal sealed class DeleteOptions
{
    public string? PropagationPolicy { get; init; }

    public string? PreconditionUid { get; init; }

    public string? PreconditionResourceVersion { get; init; }

    public bool DryRun { get; init; }
}
