using OCore.Api.Git;
using OCore.Api.V1Alpha1;

namespace OCore.Git.Remote;

/// <summary>Turns git's error output into a <see cref="GitAccessException"/> whose message names the fix.</summary>
internal static class GitErrors
{
    // Lines git prints after every remote failure; they add nothing to the specific cause.
    private static readonly string[] NoiseLines =
    [
        "Could not read from remote repository",
        "Please make sure you have the correct access rights",
        "and the repository exists",
    ];

    public static GitAccessException Classify(RepositoryUrl url, string operation, string standardError, DeployKeyCredentials credentials)
    {
        var detail = Detail(standardError, credentials);
        var kind = KindOf(standardError);
        var server = ServerOf(url);
        var message = kind switch
        {
            GitAccessErrorKind.UnknownHostKey =>
                $"The host key of {server} is not trusted: put the server's known_hosts lines in spec.repository.knownHosts " +
                $"(for example from 'ssh-keyscan{PortOption(url)} {url.Host}', checked against the fingerprints the provider " +
                "publishes). If the server's key changed, replace the old lines.",
            GitAccessErrorKind.KeyRejected =>
                $"The deploy key was rejected by {server}: add the public key in status.deployKey.publicKey to the repository's " +
                $"deploy keys with read access, or regenerate it with the {Annotations.RegenerateDeployKey} annotation.",
            GitAccessErrorKind.RepositoryNotFound =>
                $"Repository {url.FullName} was not found on {url.Host}, or the deploy key has no access to it: check " +
                "spec.repository.url, and that the public key in status.deployKey.publicKey is a deploy key of that repository.",
            GitAccessErrorKind.Unreachable =>
                $"Cannot reach {server}: check the host and port in spec.repository.url and the network path from the " +
                "operator to the Git server (DNS, firewall, egress policy).",
            _ => $"git {operation} of {url.FullName} on {url.Host} failed.",
        };
        return new GitAccessException(kind, detail.Length == 0 ? message : $"{message} Git said: {detail}");
    }

    public static GitAccessException TimedOut(RepositoryUrl url, string operation, TimeSpan timeout) =>
        new(GitAccessErrorKind.Unreachable,
            $"git {operation} of {url.FullName} did not finish within {timeout.TotalSeconds:0.#} s: check that {ServerOf(url)} " +
            "is reachable from the operator and answers; a very large repository may need a longer timeout.");

    internal static GitAccessErrorKind KindOf(string standardError)
    {
        bool Says(string text) => standardError.Contains(text, StringComparison.OrdinalIgnoreCase);

        // Host key checks come first: ssh stops there, before it ever offers the key.
        if (Says("Host key verification failed") || Says("REMOTE HOST IDENTIFICATION HAS CHANGED") || Says("host key is known for"))
            return GitAccessErrorKind.UnknownHostKey;
        if (Says("Permission denied (publickey") || Says("Permission denied, please try again"))
            return GitAccessErrorKind.KeyRejected;
        if (Says("Could not resolve hostname") || Says("Connection refused") || Says("Connection timed out")
            || Says("Operation timed out") || Says("No route to host") || Says("Network is unreachable")
            || Says("Connection closed by remote host") || Says("Connection reset by peer"))
            return GitAccessErrorKind.Unreachable;
        // Providers answer differently: plain git, GitHub, GitLab, Bitbucket.
        if (Says("does not appear to be a git repository") || Says("Repository not found") || Says("could not be found")
            || Says("repository does not exist"))
            return GitAccessErrorKind.RepositoryNotFound;
        return GitAccessErrorKind.Other;
    }

    private static string ServerOf(RepositoryUrl url) => $"{url.Host}:{url.Port ?? 22}";

    private static string PortOption(RepositoryUrl url) => url.Port is { } port && port != 22 ? $" -p {port}" : "";

    /// <summary>git's own words, shortened, and withheld entirely should they ever echo a line of the key.</summary>
    private static string Detail(string standardError, DeployKeyCredentials credentials)
    {
        // Trim the '@' frames of ssh's changed-host-key banner, and the generic advice, so the cause comes first.
        var lines = standardError
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Trim('@', ' '))
            .Where(line => line.Length > 0 && !NoiseLines.Any(noise => line.Contains(noise, StringComparison.OrdinalIgnoreCase)));
        var detail = string.Join(' ', lines);
        var keyLines = credentials.PrivateKey
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Length >= 16 && !line.StartsWith("-----", StringComparison.Ordinal));
        if (detail.Contains("PRIVATE KEY", StringComparison.Ordinal) || keyLines.Any(line => detail.Contains(line, StringComparison.Ordinal)))
            return "(withheld: the output contained key material)";
        return detail.Length <= 600 ? detail : detail[..600] + "...";
    }
}
