using OCore.Git.Modules;

namespace OCore.Operator.Deployments;

/// <summary>What the Prepare step learned: either the deployment is stale, or which modules it changes.</summary>
public sealed record RepositoryInspection(string? StaleReason, OdooModuleChanges? Modules, string Note)
{
    public static RepositoryInspection Stale(string reason) => new(reason, null, reason);
}
