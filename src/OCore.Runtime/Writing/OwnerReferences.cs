using k8s;
using k8s.Models;

namespace OCore.Runtime.Writing;

public static class OwnerReferences
{
    /// <summary>The reference that makes <paramref name="owner"/> the controller of a child: deleting the owner deletes the child.</summary>
    public static V1OwnerReference ControllerOf(IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new V1OwnerReference
        {
            ApiVersion = owner.ApiVersion,
            Kind = owner.Kind,
            Name = owner.Metadata.Name,
            Uid = owner.Metadata.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }

    public static bool IsControlledBy(V1ObjectMeta child, IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(owner);
        return child.OwnerReferences?.Any(r => r.Controller == true && r.Uid == owner.Metadata.Uid) == true;
    }
}
