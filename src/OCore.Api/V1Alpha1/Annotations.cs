namespace OCore.Api.V1Alpha1;

/// <summary>Annotations people set to ask for an action; any new value triggers it once.</summary>
public static class Annotations
{
    public const string ReconfigureWebhook = "ocore.io/reconfigure-webhook";
    public const string RegenerateDeployKey = "ocore.io/regenerate-deploy-key";

    /// <summary>The exact branch a per-branch Environment or a Deployment is for (labels cannot hold every branch name).</summary>
    public const string Branch = "ocore.io/branch";

    /// <summary>Set by the receiver on a per-branch Environment when its branch was deleted; the operator tears it down.</summary>
    public const string BranchDeleted = "ocore.io/branch-deleted";
}
