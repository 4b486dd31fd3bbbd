namespace OCore.DevCluster.Controllers;

/// <summary>A simulated cluster controller. Reconcile must be idempotent: it runs after every change.</summary>
internal interface IController
{
    /// <summary>Brings the store closer to the desired state; returns when it next needs to run on its own, if ever.</summary>
    DateTimeOffset? Reconcile(DateTimeOffset now);
}
