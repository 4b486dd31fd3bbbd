using OCore.GitProviders.GitHubApp;

namespace OCore.Operator.GitHubApp;

/// <summary>The App client, or why there is none (never a secret value).</summary>
public sealed record GitHubAppLookup(GitHubAppClient? Client, string Problem)
{
    public static GitHubAppLookup Ready(GitHubAppClient client) => new(client, "");

    public static GitHubAppLookup NotConfigured(string problem) => new(null, problem);
}
