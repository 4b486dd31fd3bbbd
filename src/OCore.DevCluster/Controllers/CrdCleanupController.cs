using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;

namespace OCore.DevCluster.Controllers;

/// <summary>Deletes the custom resources of a deleted CRD, then releases the CRD's cleanup finalizer.</summary>
internal sealed class CrdCleanupController(ResourceOperations operations) : IController
{
    public DateTimeOffset? Reconcile(DateTimeOffset now)
    {
        var crdType = operations.Registry.FindByGroupResource(ResourceOperations.CrdResource)!;
        foreach (var crd in operations.Store.ReadShared(ResourceOperations.CrdResource, null).Where(c => c.IsDeleting()))
        {
            var instances = operations.Store.ReadShared(crd.Name(), null);
            var type = operations.Registry.FindByGroupResource(crd.Name());
            foreach (var instance in instances.Where(i => !i.IsDeleting()))
            {
                if (type is null)
                {
                    break;
                }
                try
                {
                    operations.Delete(type, instance.Namespace(), instance.Name(), new DeleteOptions());
                }
                catch (ApiException e) when (e.Code == 404)
                {
                    // Already gone.
                }
            }
            if (instances.Count == 0)
            {
                operations.Mutate(crdType, "", crd.Name(), copy =>
                {
                    copy.Metadata()["finalizers"] = copy.Finalizers().Where(f => f != ResourceOperations.CrdCleanupFinalizer).ToJsonArray();
                    return true;
                }, "apiextensions-controller");
            }
        }
        return null;
    }
}
