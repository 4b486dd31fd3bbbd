namespace OCore.Api.Git;

internal static class GitStringExtensions
{
    public static string RemoveGitSuffix(this string value) =>
        value.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? value[..^4] : value;
}
