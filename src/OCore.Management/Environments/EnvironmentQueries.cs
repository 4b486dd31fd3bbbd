using OCore.Api.V1Alpha1;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Management.Environments;

/// <summary>A project's environments: the fixed ones first (by name), then those created per branch.</summary>
public static class EnvironmentQueries
{
    public static async Task<IReadOnlyList<Environment>> ListForProjectAsync(OcoreResources resources, string projectName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return (await resources.ListAsync<Environment>(cancellationToken))
            .Where(e => e.Spec.ProjectRef.Name == projectName)
            .OrderBy(e => IsPerBranch(e) ? 1 : 0)
            .ThenBy(e => e.Metadata.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Created from a BranchMapping's template for one branch (it carries the branch annotation).</summary>
    public static bool IsPerBranch(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Status?.Branch is not null || environment.Metadata.Annotations?.ContainsKey(Annotations.Branch) == true;
    }
}
