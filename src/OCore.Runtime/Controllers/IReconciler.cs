using OCore.Runtime.Informers;

namespace OCore.Runtime.Controllers;

/// <summary>Brings one object's world in line with its spec. Must be idempotent: it may run again at any time.</summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);
}
