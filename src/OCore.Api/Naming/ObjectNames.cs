using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OCore.Api.Naming;

/// <summary>
/// DNS-1123 names derived from user input (branch names are untrusted and may hold anything git allows).
/// Derived names always end in a short hash of the exact input, so inputs that slug alike
/// (<c>feature/Foo</c> and <c>feature/foo</c>) never share a name, and they fit in 63 characters.
/// </summary>
public static class ObjectNames
{
    public const int MaxLabelLength = 63;
    private const int HashLength = 8;

    /// <summary>The Environment a glob mapping creates for a branch, e.g. <c>features-feature-login-1a2b3c4d</c>.</summary>
    public static string ForBranchEnvironment(string mappingName, string branch) =>
        Join([mappingName, Slug(branch)], Hash($"{mappingName}\n{branch}"));

    /// <summary>The Deployment of a commit to an environment; the same inputs always give the same name.</summary>
    public static string ForDeployment(string project, string environment, string commit)
    {
        ArgumentException.ThrowIfNullOrEmpty(commit);
        return Join([project, environment, commit[..Math.Min(12, commit.Length)]], Hash($"{project}\n{environment}\n{commit}"));
    }

    /// <summary>A child object of a Deployment, e.g. its build Job (<c>&lt;deployment&gt;-build</c>), kept within 63 characters.</summary>
    public static string ForChild(string owner, string suffix) =>
        owner.Length + 1 + suffix.Length <= MaxLabelLength
            ? $"{owner}-{suffix}"
            : Join([owner, suffix], Hash($"{owner}\n{suffix}"));

    /// <summary>A DNS label for arbitrary text, e.g. a branch in a host name: always slug plus hash, at most 63 characters.</summary>
    public static string DnsLabel(string value) => Join([value], Hash(value));

    /// <summary>A label value for arbitrary text (label values allow 63 characters of <c>[A-Za-z0-9._-]</c>).</summary>
    public static string LabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= MaxLabelLength && value.All(IsLabelChar) && (value.Length == 0 || char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1])))
            return value;
        return Join([Slug(value)], Hash(value));
    }

    /// <summary>Lower-case ASCII letters, digits and single dashes; accents are dropped (é → e), other characters become dashes.</summary>
    public static string Slug(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slug = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
                slug.Append(lower);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        return slug.ToString().Trim('-');
    }

    /// <summary>The first 8 hex characters of SHA-256 of the exact text.</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..HashLength];

    /// <summary>Joins slugged parts with dashes and the hash, shortening the longest part until it fits 63 characters.</summary>
    private static string Join(IReadOnlyList<string> parts, string hash)
    {
        var pieces = parts.Select(Slug).Where(p => p.Length > 0).ToList();
        var budget = MaxLabelLength - HashLength - pieces.Count; // one dash per piece before the hash
        while (pieces.Sum(p => p.Length) > budget)
        {
            var longest = pieces.IndexOf(pieces.MaxBy(p => p.Length)!);
            var excess = pieces.Sum(p => p.Length) - budget;
            pieces[longest] = pieces[longest][..Math.Max(1, pieces[longest].Length - excess)].TrimEnd('-');
        }

        pieces.Add(hash);
        return string.Join('-', pieces);
    }

    private static bool IsLabelChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
