using k8s.Models;
using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Management.BranchMappings;

/// <summary>The spec's "Creating Mappings" and "Listing Mappings": one BranchMapping per (project, branch).</summary>
public static class BranchMappingWriter
{
    /// <summary>
    /// Creates or updates the mapping of <paramref name="branch"/> to an existing Environment, or, with a template, to
    /// one Environment per matching branch. Returns the mapping as written and whether it was created.
    /// </summary>
    public static async Task<(BranchMapping Mapping, bool Created)> ApplyAsync(OcoreResources resources, string projectName, string branch,
        string? environmentName, EnvironmentSettings? template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        if ((environmentName is null) == (template is null))
            throw new InvalidRequestException("environment", "give exactly one of an environment or an environment template");
        await resources.GetRequiredAsync<Project>(projectName, cancellationToken);
        if (environmentName is not null && await resources.GetAsync<Environment>(environmentName, cancellationToken) is null)
        {
            throw new ResourceNotFoundException(nameof(Environment), environmentName, resources.Namespace, "environment",
                $"create it first (kubectl -n {resources.Namespace} get environments lists them)");
        }

        return await Conflicts.RetryAsync(async () =>
        {
            var existing = (await ListAsync(resources, projectName, cancellationToken)).FirstOrDefault(m => m.Spec.Branch == branch);
            var mapping = existing ?? new BranchMapping
            {
                Metadata = new V1ObjectMeta { Name = NameFor(projectName, branch), NamespaceProperty = resources.Namespace },
                Spec = new BranchMappingSpec { ProjectRef = new LocalObjectReference { Name = projectName }, Branch = branch },
            };
            mapping.Spec.EnvironmentRef = environmentName is null ? null : new LocalObjectReference { Name = environmentName };
            mapping.Spec.EnvironmentTemplate = template;
            mapping.Status = null;
            return existing is null
                ? (await resources.CreateAsync(mapping, cancellationToken), true)
                : (await resources.ReplaceAsync(mapping, mapping.Metadata.Name, cancellationToken), false);
        });
    }

    /// <summary>The project's mappings, ordered by branch.</summary>
    public static async Task<IReadOnlyList<BranchMapping>> ListAsync(OcoreResources resources, string projectName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return (await resources.ListAsync<BranchMapping>(cancellationToken))
            .Where(m => m.Spec.ProjectRef.Name == projectName)
            .OrderBy(m => m.Spec.Branch, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Removes the project's mapping of <paramref name="branch"/>.</summary>
    public static async Task RemoveAsync(OcoreResources resources, string projectName, string branch, CancellationToken cancellationToken)
    {
        var mapping = (await ListAsync(resources, projectName, cancellationToken)).FirstOrDefault(m => m.Spec.Branch == branch)
            ?? throw new ResourceNotFoundException("BranchMapping", $"for branch {branch} of Project {projectName}", resources.Namespace);
        await resources.DeleteAsync<BranchMapping>(mapping.Metadata.Name, cancellationToken);
    }

    /// <summary>project-branch for a plain branch name; globs and unusual names get a hash so they stay distinct.</summary>
    public static string NameFor(string project, string branch)
    {
        var suffix = ObjectNames.Slug(branch) == branch ? branch : ObjectNames.DnsLabel(branch);
        return ObjectNames.ForChild(project, suffix);
    }
}
