namespace OCore.Api.Git;

/// <summary>The providers' names as people and the resources write them: github, gitlab, bitbucket.</summary>
public static class GitProviderNames
{
    /// <summary>The name in the CRD, the webhook URLs and the REST API (the enum's JSON names).</summary>
    public static string Of(GitProvider provider) => provider.ToString().ToLowerInvariant();

    /// <summary>Reads a name as <see cref="Of"/> writes it; false for anything else.</summary>
    public static bool TryParse(string? name, out GitProvider provider)
    {
        foreach (var candidate in Enum.GetValues<GitProvider>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.Ordinal))
            {
                provider = candidate;
                return true;
            }
        }

        provider = default;
        return false;
    }
}
