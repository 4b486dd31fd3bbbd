using k8s;
using k8s.Models;

namespace OCore.Runtime.Informers;

/// <summary>The cache and queue key of an object: <c>namespace/name</c>, or <c>name</c> for cluster-scoped ones.</summary>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new(obj.Metadata.NamespaceProperty, obj.Metadata.Name);
    }

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
