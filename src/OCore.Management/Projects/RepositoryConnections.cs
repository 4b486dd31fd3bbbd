using k8s.Models;
using OCore.Api.V1Alpha1;

namespace OCore.Management.Projects;

/// <summary>Connecting a repository: creates or updates the Project, then waits until the operator has its key and webhook.</summary>
public static class RepositoryConnections
{
    public const string DefaultBranch = "main";
    public const string DefaultOdooVersion = "18.0";

    /// <summary>Ready reasons of a spec the operator will not retry until it is edited.</summary>
    private static readonly HashSet<string> BadSpecReasons = ["InvalidRepositoryURL", "ProviderRequired"];

    /// <summary>The Project as written, and whether it was created.</summary>
    public static Task<(Project Project, bool Created)> ApplyAsync(OcoreResources resources, string name, RepositoryRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(request);
        return Conflicts.RetryAsync(async () =>
        {
            var existing = await resources.GetAsync<Project>(name, cancellationToken);
            var project = existing ?? new Project { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = resources.Namespace } };
            project.Spec.Repository.Url = request.Url;
            project.Spec.Repository.Branch = request.Branch ?? project.Spec.Repository.Branch ?? DefaultBranch;
            project.Spec.Repository.Provider = request.Provider ?? project.Spec.Repository.Provider;
            project.Spec.Odoo.Version = request.OdooVersion ?? (project.Spec.Odoo.Version.Length > 0 ? project.Spec.Odoo.Version : DefaultOdooVersion);
            if (request.KnownHosts is not null)
                project.Spec.Repository.KnownHosts = string.IsNullOrWhiteSpace(request.KnownHosts) ? null : request.KnownHosts.Trim();
            project.Status = null;
            return existing is null
                ? (await resources.CreateAsync(project, cancellationToken), true)
                : (await resources.ReplaceAsync(project, name, cancellationToken), false);
        });
    }

    /// <summary>Waits until the operator has connected the applied generation, or found its spec unusable.</summary>
    public static Task<Project> WaitAsync(OcoreResources resources, Project applied, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(applied);
        var name = applied.Metadata.Name;
        return Polling.UntilAsync(() => resources.GetRequiredAsync<Project>(name, cancellationToken),
            p => IsConnected(p, applied.Metadata.Generation) || BadSpec(p) is not null, timeout,
            $"the operator to connect Project {name}", cancellationToken);
    }

    /// <summary>The operator has written the deploy key and webhook for <paramref name="generation"/> (or later).</summary>
    public static bool IsConnected(Project project, long? generation)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Status is { Webhook.Url: not null, DeployKey.PublicKey: not null } status && status.ObservedGeneration >= generation;
    }

    /// <summary>The Ready condition when it says the current spec cannot be connected until it is edited; otherwise null.</summary>
    public static Condition? BadSpec(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Conditions.Find(project.Status?.Conditions, ConditionTypes.Ready) is { Status: ConditionStatus.False } ready
            && BadSpecReasons.Contains(ready.Reason) && project.Status!.ObservedGeneration == project.Metadata.Generation
                ? ready
                : null;
    }
}
