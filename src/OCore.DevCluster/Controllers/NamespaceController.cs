using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Controllers;

/// <summary>
/// Empties terminating namespaces (then drops their "kubernetes" finalizer so they disappear) and gives
/// every active namespace its "default" ServiceAccount.
/// </summary>
internal sealed class NamespaceController(ResourceOperations operations) : IController
{
    private const string Manager = "namespace-controller";

    public DateTimeOffset? Reconcile(DateTimeOffset now)
    {
        var namespaceType = operations.Registry.FindByGroupResource("namespaces")!;
        var serviceAccounts = operations.Registry.FindByGroupResource("serviceaccounts")!;
        foreach (var ns in operations.Store.List("namespaces", null))
        {
            var name = ns.Name();
            if (!ns.IsDeleting())
            {
                EnsureDefaultServiceAccount(serviceAccounts, name);
                continue;
            }
            var remaining = 0;
            foreach (var type in operations.Registry.Storages().Where(t => t.Namespaced && !t.IsReview))
            {
                foreach (var obj in operations.List(type, name))
                {
                    remaining++;
                    if (!obj.IsDeleting())
                    {
                        TryDelete(type, obj);
                    }
                }
            }
            if (remaining == 0)
            {
                operations.Mutate(namespaceType, "", name, copy =>
                {
                    copy.EnsureObject("spec")["finalizers"] = new JsonArray();
                    return true;
                }, Manager, "finalize");
            }
        }
        return null;
    }

    private void EnsureDefaultServiceAccount(ResourceType type, string ns)
    {
        if (operations.Store.Get(type.GroupResource, ns, "default") is not null)
        {
            return;
        }
        try
        {
            operations.Create(type, ns, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "default" } }, WriteOptions.System(Manager));
        }
        catch (ApiException e) when (e.Code is 409 or 403 or 404)
        {
            // Created concurrently, or the namespace started terminating meanwhile.
        }
    }

    private void TryDelete(ResourceType type, JsonObject obj)
    {
        try
        {
            operations.Delete(type, obj.Namespace(), obj.Name(), new DeleteOptions { PropagationPolicy = "Background" });
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }
}
