using OCore.Api.Git;

namespace OCore.Api.Branches;

/// <summary>
/// Routes a branch to the most specific rule among one project's rules. Exact names are a dictionary lookup and
/// globs are indexed by their literal prefix (see <see cref="GlobPrefixIndex{T}"/>), so routing only tries globs
/// that can match and its cost does not grow with unrelated rules, even when they share the branch's first segment.
/// Ties are reported as a conflict, never settled by chance or by order.
/// </summary>
public sealed class BranchRouter<T>
{
    private readonly Dictionary<string, List<BranchRule<T>>> _exact = new(StringComparer.Ordinal);
    private readonly GlobPrefixIndex<T> _globs = new();

    public BranchRouter(IEnumerable<BranchRule<T>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (!rule.Glob.IsExact)
            {
                _globs.Add(rule);
                continue;
            }

            if (!_exact.TryGetValue(rule.Glob.Pattern, out var bucket))
                _exact[rule.Glob.Pattern] = bucket = [];
            bucket.Add(rule);
        }
    }

    public BranchResolution<T> Resolve(string branch)
    {
        if (GitRefs.BranchNameError(branch) is { } error)
            return BranchResolution<T>.InvalidBranch(error);

        if (_exact.TryGetValue(branch, out var exact))
            return exact.Count == 1 ? BranchResolution<T>.Matched(exact[0]) : BranchResolution<T>.Conflict(exact);

        var matches = _globs.Matches(branch);
        if (matches.Count == 0)
            return BranchResolution<T>.NoMatch();

        matches.Sort((a, b) => BranchGlob.CompareSpecificity(a.Glob, b.Glob));
        var best = matches.TakeWhile(rule => BranchGlob.CompareSpecificity(rule.Glob, matches[0].Glob) == 0).ToList();
        return best.Count == 1 ? BranchResolution<T>.Matched(best[0]) : BranchResolution<T>.Conflict(best);
    }
}
