namespace OCore.Api.V1Alpha1;

/// <summary>Every custom resource kind oCore serves, in the order a reader meets them.</summary>
public static class Kinds
{
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(Project),
        typeof(Environment),
        typeof(BranchMapping),
        typeof(GitHubInstallation),
        typeof(Deployment),
    ];
}
