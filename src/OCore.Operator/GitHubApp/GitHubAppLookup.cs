using OCore.GitProviders.GitHubApp;

namespace OCore.Operator.GitHubApp;

/// <summary>The App client, or why there is none (never a secret value).</summary>
public sealed record GitHubAppLookup(GitHubAppClient? Client, string Problem, byte[]? StateKey = null)
{
    /// <param name="client">The App's API client.</param>
    /// <param name="stateKey">The key of install states and link proofs (the receiver derives the same one).</param>
    public static GitHubAppLookup Ready(GitHubAppClient client, byte[] stateKey) => new(client, "", stateKey);

    public static GitHubAppLookup NotConfigured(string problem) => new(null, problem);
}
