using k8s;
using k8s.Models;
using OCore.Api.V1Alpha1;

namespace OCore.Operator.Hosting;

/// <summary>Cache indexes the controllers look things up by, so no reconcile scans a whole kind.</summary>
public static class Indexes
{
    /// <summary><c>namespace/project</c> of Environments, BranchMappings and Deployments.</summary>
    public const string Project = "project";

    /// <summary><c>namespace/environment</c> of Deployments.</summary>
    public const string Environment = "environment";

    /// <summary><c>namespace/mapping</c> of Deployments and per-branch Environments (from the ocore.io/branch-mapping label).</summary>
    public const string BranchMapping = "branch-mapping";

    public static string Key(string? @namespace, string name) => $"{@namespace}/{name}";

    public static IEnumerable<string> ByLabel(IKubernetesObject<V1ObjectMeta> obj, string label)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata.Labels?.TryGetValue(label, out var value) == true ? [Key(obj.Metadata.NamespaceProperty, value)] : [];
    }

    public static IEnumerable<string> ProjectOf(Api.V1Alpha1.Environment environment) =>
        [Key(environment.Metadata.NamespaceProperty, environment.Spec.ProjectRef.Name)];

    public static IEnumerable<string> ProjectOf(BranchMapping mapping) =>
        [Key(mapping.Metadata.NamespaceProperty, mapping.Spec.ProjectRef.Name)];

    public static IEnumerable<string> EnvironmentOf(Deployment deployment) =>
        [Key(deployment.Metadata.NamespaceProperty, deployment.Spec.EnvironmentRef.Name)];

    public static IEnumerable<string> ProjectOf(Deployment deployment) =>
        [Key(deployment.Metadata.NamespaceProperty, deployment.Spec.ProjectRef.Name)];

    public static IEnumerable<string> MappingOf(IKubernetesObject<V1ObjectMeta> obj) => ByLabel(obj, Labels.BranchMapping);
}
