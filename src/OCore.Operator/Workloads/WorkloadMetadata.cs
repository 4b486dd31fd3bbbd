using k8s;
using k8s.Models;
using OCore.Runtime.Writing;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Workloads;

/// <summary>Metadata of a pipeline object: in the environment's namespace, controlled by its owner.</summary>
internal static class WorkloadMetadata
{
    public static V1ObjectMeta For(string name, Environment environment, IKubernetesObject<V1ObjectMeta> owner, Dictionary<string, string> labels) =>
        new()
        {
            Name = name,
            NamespaceProperty = environment.Metadata.NamespaceProperty,
            Labels = labels,
            OwnerReferences = [OwnerReferences.ControllerOf(owner)],
        };
}
