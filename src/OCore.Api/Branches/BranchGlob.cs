using System.Text;
using System.Text.RegularExpressions;

namespace OCore.Api.Branches;

/// <summary>
/// A branch name or glob from a BranchMapping: <c>*</c> matches within one path segment, <c>**</c> across
/// segments. A pattern without wildcards is an exact name.
/// </summary>
public sealed class BranchGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex? _regex;

    public BranchGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Pattern = pattern;
        IsExact = !pattern.Contains('*', StringComparison.Ordinal);
        if (IsExact)
        {
            LiteralLength = pattern.Length;
            return;
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '*')
            {
                regex.Append(Regex.Escape(pattern[i].ToString()));
                LiteralLength++;
            }
            else if (i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                DoubleStars++;
                while (i + 1 < pattern.Length && pattern[i + 1] == '*')
                    i++;
            }
            else
            {
                regex.Append("[^/]*");
                SingleStars++;
            }
        }

        // NonBacktracking: a pattern like *a*a*a*a from a user can never make matching slow.
        _regex = new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        var firstSlash = pattern.IndexOf('/', StringComparison.Ordinal);
        var firstSegment = firstSlash < 0 ? pattern : pattern[..firstSlash];
        LiteralFirstSegment = firstSlash > 0 && !firstSegment.Contains('*', StringComparison.Ordinal) ? firstSegment : null;
    }

    public string Pattern { get; }

    public bool IsExact { get; }

    /// <summary>How many characters of the pattern are not wildcards; more means more specific.</summary>
    public int LiteralLength { get; }

    public int SingleStars { get; }

    public int DoubleStars { get; }

    /// <summary>The first path segment when it holds no wildcard (<c>feature</c> of <c>feature/*</c>); used to index globs.</summary>
    public string? LiteralFirstSegment { get; }

    public bool Matches(string branch) =>
        IsExact ? string.Equals(Pattern, branch, StringComparison.Ordinal) : _regex!.IsMatch(branch);

    /// <summary>
    /// Orders patterns from most to least specific: an exact name first, then more literal characters, then fewer
    /// <c>**</c>, then fewer <c>*</c>. Zero means equally specific: two such matches are a conflict.
    /// </summary>
    public static int CompareSpecificity(BranchGlob a, BranchGlob b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.IsExact != b.IsExact)
            return a.IsExact ? -1 : 1;
        if (a.LiteralLength != b.LiteralLength)
            return b.LiteralLength.CompareTo(a.LiteralLength);
        if (a.DoubleStars != b.DoubleStars)
            return a.DoubleStars.CompareTo(b.DoubleStars);
        return a.SingleStars.CompareTo(b.SingleStars);
    }

    public override string ToString() => Pattern;
}
