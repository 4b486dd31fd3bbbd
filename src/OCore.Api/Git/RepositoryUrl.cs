using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OCore.Api.Git;

/// <summary>
/// A parsed Git repository address. Accepts the three forms users paste from their provider:
/// scp-like <c>git@host:owner/repo.git</c>, <c>ssh://git@host[:port]/owner/repo.git</c> and
/// <c>https://host[:port]/owner/repo[.git]</c>. GitLab subgroups make the owner a path (<c>group/sub</c>).
/// </summary>
public sealed partial record RepositoryUrl
{
    public const string AcceptedForms =
        "git@host:owner/repo.git, ssh://git@host[:port]/owner/repo.git or https://host[:port]/owner/repo.git";

    private RepositoryUrl(string original, string scheme, string? user, string host, int? port, string owner, string name)
    {
        Original = original;
        Scheme = scheme;
        User = user;
        Host = host;
        Port = port;
        Owner = owner;
        Name = name;
    }

    /// <summary>The text the user gave.</summary>
    public string Original { get; }

    /// <summary><c>ssh</c> (scp-like or ssh://) or <c>https</c>.</summary>
    public string Scheme { get; }

    public string? User { get; }

    /// <summary>Lower-case host name.</summary>
    public string Host { get; }

    public int? Port { get; }

    /// <summary>Account, organization or workspace; for GitLab subgroups the whole group path.</summary>
    public string Owner { get; }

    /// <summary>Repository name without a <c>.git</c> suffix.</summary>
    public string Name { get; }

    /// <summary><c>owner/name</c>, as providers print it in payloads (<c>full_name</c>, <c>path_with_namespace</c>).</summary>
    public string FullName => $"{Owner}/{Name}";

    /// <summary>The provider of a well-known public host, or null for a self-hosted one.</summary>
    public GitProvider? InferredProvider => Host switch
    {
        "github.com" => GitProvider.GitHub,
        "gitlab.com" => GitProvider.GitLab,
        "bitbucket.org" => GitProvider.Bitbucket,
        _ => null,
    };

    public bool IsSsh => Scheme == "ssh";

    /// <summary>Whether a payload's <c>owner/name</c> names this repository (providers compare case-insensitively).</summary>
    public bool HasFullName(string fullName) =>
        string.Equals(FullName, fullName.Trim().TrimEnd('/').RemoveGitSuffix(), StringComparison.OrdinalIgnoreCase);

    /// <summary>An address for <c>git</c> over SSH (<c>ssh://user@host:port/owner/name.git</c>).</summary>
    public string ToSshUrl() =>
        $"ssh://{User ?? "git"}@{Host}{(Port is { } p ? $":{p}" : "")}/{FullName}.git";

    public override string ToString() => Original;

    public static RepositoryUrl Parse(string value)
    {
        if (TryParse(value, out var url, out var error))
            return url;
        throw new RepositoryUrlException(error);
    }

    public static bool TryParse(string? value, [NotNullWhen(true)] out RepositoryUrl? url, [NotNullWhen(false)] out string? error)
    {
        url = null;
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = $"repository URL is empty; use {AcceptedForms}";
            return false;
        }

        string scheme, path, host;
        string? user = null;
        int? port = null;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("ssh" or "https" or "http"))
            {
                error = $"'{text}' is not a repository URL oCore can use; use {AcceptedForms}";
                return false;
            }

            scheme = uri.Scheme == "ssh" ? "ssh" : "https";
            host = uri.Host;
            port = uri.IsDefaultPort || uri.Port < 0 ? null : uri.Port;
            user = uri.UserInfo.Length > 0 ? uri.UserInfo.Split(':')[0] : null;
            if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
            {
                error = "repository URL must not contain a password; oCore reads repositories with its deploy key";
                return false;
            }

            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }
        else
        {
            var match = ScpLike().Match(text);
            if (!match.Success)
            {
                error = $"'{text}' is not a repository URL oCore can use; use {AcceptedForms}";
                return false;
            }

            scheme = "ssh";
            user = match.Groups["user"].Success ? match.Groups["user"].Value : null;
            host = match.Groups["host"].Value;
            path = match.Groups["path"].Value;
        }

        var segments = path.Trim('/').RemoveGitSuffix().Split('/');
        if (segments.Length < 2 || segments.Any(s => s.Length == 0 || s is "." or ".." || !PathSegment().IsMatch(s)))
        {
            error = $"'{text}' does not name a repository as owner/repo; use {AcceptedForms}";
            return false;
        }

        url = new RepositoryUrl(text, scheme, user, host.ToLowerInvariant(), port,
            string.Join('/', segments[..^1]), segments[^1]);
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?:(?<user>[A-Za-z0-9._-]+)@)?(?<host>[A-Za-z0-9.-]+):(?<path>(?!/)[^:]+)$")]
    private static partial Regex ScpLike();

    [GeneratedRegex(@"^[\p{L}\p{N}._~-]+$")]
    private static partial Regex PathSegment();
}
