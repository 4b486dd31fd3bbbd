namespace OCore.Api.Branches;

/// <summary>
/// Globs grouped by their literal prefix (everything before the first <c>*</c>: <c>feature/JIRA-</c> of
/// <c>feature/JIRA-*</c>). A glob can only match a branch that starts with its literal prefix, so the candidates for
/// a branch are the groups keyed by the branch's own prefixes; only the prefix lengths some glob has are probed.
/// This is a trie over literal prefixes flattened into one hash table: one probe per distinct prefix length instead
/// of one node per character, which keeps 50,000 globs small in memory. Which globs match is unchanged; only globs
/// that cannot match are skipped.
/// </summary>
internal sealed class GlobPrefixIndex<T>
{
    private readonly Dictionary<string, List<BranchRule<T>>> _byPrefix = new(StringComparer.Ordinal);

    // Distinct literal-prefix lengths in ascending order; a branch is probed at these lengths only.
    private readonly SortedSet<int> _lengths = [];
    private int[] _probeLengths = [];

    public void Add(BranchRule<T> rule)
    {
        var prefix = rule.Glob.LiteralPrefix;
        if (!_byPrefix.TryGetValue(prefix, out var group))
        {
            _byPrefix[prefix] = group = [];
            if (_lengths.Add(prefix.Length))
                _probeLengths = [.. _lengths];
        }

        group.Add(rule);
    }

    /// <summary>Every glob that matches <paramref name="branch"/>, in no particular order.</summary>
    public List<BranchRule<T>> Matches(string branch)
    {
        var matches = new List<BranchRule<T>>();
        var lookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var length in _probeLengths)
        {
            if (length > branch.Length)
                break;
            if (!lookup.TryGetValue(branch.AsSpan(0, length), out var group))
                continue;
            foreach (var rule in group)
            {
                if (rule.Glob.Matches(branch))
                    matches.Add(rule);
            }
        }

        return matches;
    }
}
