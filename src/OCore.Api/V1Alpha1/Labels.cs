namespace OCore.Api.V1Alpha1;

/// <summary>Labels oCore puts on what it creates, so people and oCore can find them with selectors.</summary>
public static class Labels
{
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "ocore";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string Project = "ocore.io/project";
    public const string Environment = "ocore.io/environment";
    public const string Branch = "ocore.io/branch";
    public const string BranchMapping = "ocore.io/branch-mapping";
    public const string Deployment = "ocore.io/deployment";
}
