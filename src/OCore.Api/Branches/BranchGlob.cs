namespace OCore.Api.Branches;

/// <summary>
/// A branch name or glob from a BranchMapping: <c>*</c> matches within one path segment, <c>**</c> across
/// segments. A pattern without wildcards is an exact name.
/// </summary>
public sealed class BranchGlob
{
    public BranchGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Pattern = pattern;
        IsExact = !pattern.Contains('*', StringComparison.Ordinal);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '*')
            {
                LiteralLength++;
            }
            else if (i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                DoubleStars++;
                while (i + 1 < pattern.Length && pattern[i + 1] == '*')
                    i++;
            }
            else
            {
                SingleStars++;
            }
        }

        var firstStar = pattern.IndexOf('*', StringComparison.Ordinal);
        LiteralPrefix = firstStar < 0 ? pattern : pattern[..firstStar];
    }

    public string Pattern { get; }

    public bool IsExact { get; }

    /// <summary>How many characters of the pattern are not wildcards; more means more specific.</summary>
    public int LiteralLength { get; }

    public int SingleStars { get; }

    public int DoubleStars { get; }

    /// <summary>
    /// Everything before the first wildcard (<c>feature/JIRA-</c> of <c>feature/JIRA-*</c>; the whole pattern when it
    /// is exact). Any branch the pattern matches starts with it; used to index globs.
    /// </summary>
    public string LiteralPrefix { get; }

    public bool Matches(string branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return IsExact ? string.Equals(Pattern, branch, StringComparison.Ordinal) : GlobMatch(Pattern, branch);
    }

    /// <summary>
    /// Wildcard matching by dynamic programming over (pattern position, branch position): linear in their product
    /// whatever the pattern, so a hostile glob such as <c>*a*a*a*b</c> cannot make routing slow, and nothing is
    /// compiled or allocated per glob beyond one row of flags.
    /// </summary>
    private static bool GlobMatch(string pattern, string text)
    {
        // reachable[j]: the pattern so far can match text[..j].
        Span<bool> reachable = text.Length < 512 ? stackalloc bool[text.Length + 1] : new bool[text.Length + 1];
        reachable.Clear();
        reachable[0] = true;
        for (var p = 0; p < pattern.Length; p++)
        {
            if (pattern[p] != '*')
            {
                for (var j = text.Length; j >= 1; j--)
                    reachable[j] = reachable[j - 1] && text[j - 1] == pattern[p];
                reachable[0] = false;
                continue;
            }

            var crossesSegments = p + 1 < pattern.Length && pattern[p + 1] == '*';
            while (p + 1 < pattern.Length && pattern[p + 1] == '*')
                p++;
            // A star extends a match over any characters; a single star stops at '/'.
            for (var j = 1; j <= text.Length; j++)
                reachable[j] |= reachable[j - 1] && (crossesSegments || text[j - 1] != '/');
        }

        return reachable[text.Length];
    }

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
