using k8s.Models;
using OCore.Api.V1Alpha1;
using OCore.Runtime.Hosting;
using OCore.Runtime.Informers;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.WebhookReceiver.Cluster;

/// <summary>
/// The watch-backed caches the receiver decides from: Projects (by project id), their webhook Secrets,
/// BranchMappings (by project) and Environments. No request makes an API call to read.
/// </summary>
public sealed class ClusterCaches
{
    public const string ByProjectId = "projectId";
    public const string ByProject = "project";
    public const string ByInstallationId = "installationId";

    public ClusterCaches(ControllerManager manager, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(options);
        Manager = manager;
        var scope = new InformerOptions { Namespace = string.IsNullOrEmpty(options.WatchNamespace) ? null : options.WatchNamespace };
        Projects = manager.AddInformer<Project>(scope).Cache;
        Projects.AddIndex(ByProjectId, p => p.Status?.ProjectId is { } id ? [id] : []);
        Secrets = manager.AddInformer<V1Secret>(scope with { LabelSelector = $"{Labels.ManagedBy}={Labels.ManagedByValue}" }).Cache;
        Mappings = manager.AddInformer<BranchMapping>(scope).Cache;
        Mappings.AddIndex(ByProject, m => [$"{m.Metadata.NamespaceProperty}/{m.Spec.ProjectRef.Name}"]);
        Environments = manager.AddInformer<Environment>(scope).Cache;
        Installations = manager.AddInformer<GitHubInstallation>(scope).Cache;
        Installations.AddIndex(ByInstallationId, i => [i.Spec.InstallationId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    /// <summary>Runs the informers; every cache is registered with it before it starts.</summary>
    public ControllerManager Manager { get; }

    public ResourceCache<Project> Projects { get; }

    public ResourceCache<V1Secret> Secrets { get; }

    public ResourceCache<BranchMapping> Mappings { get; }

    public ResourceCache<Environment> Environments { get; }

    /// <summary>GitHub App installations linked to namespaces (by installation id), for App-wide webhooks.</summary>
    public ResourceCache<GitHubInstallation> Installations { get; }
}
