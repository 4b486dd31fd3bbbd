using System.Text.RegularExpressions;

namespace OCore.Runtime.Writing;

/// <summary>
/// Removes what looks like a credential from text that leaves the process (events, status messages, log tails):
/// private keys, bearer tokens, passwords in URLs, and key=value pairs whose key names a secret.
/// Known secret values can be added so they are removed wherever they appear.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "[redacted]";

    public static string Redact(string text, IEnumerable<string>? knownSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in knownSecrets ?? [])
        {
            if (secret.Length >= 4)
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = PrivateKey().Replace(text, Mask);
        text = Bearer().Replace(text, "$1" + Mask);
        text = UrlPassword().Replace(text, "$1" + Mask + "@");
        text = SecretAssignment().Replace(text, "$1" + Mask);
        text = GitHubToken().Replace(text, Mask);
        return text;
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"((?:Bearer|Basic|token)\s+)[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(://[^/\s:@]+:)[^@\s/]+@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"((?:password|passwd|secret|token|api[_-]?key|private[_-]?key)[""']?\s*[:=]\s*[""']?)[^\s""',;]+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,})\b")]
    private static partial Regex GitHubToken();
}
