namespace OCore.Api.V1Alpha1;

/// <summary>Annotations people set to ask for an action; any new value triggers it once.</summary>
public static class Annotations
{
    public const string ReconfigureWebhook = "ocore.io/reconfigure-webhook";
    public const string RegenerateDeployKey = "ocore.io/regenerate-deploy-key";
}
