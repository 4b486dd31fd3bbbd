using OCore.Api.Git;

namespace OCore.Api.Branches;

/// <summary>
/// Routes a branch to the most specific rule among one project's rules. Exact names are a dictionary lookup and
/// globs are grouped by their literal first segment, so routing cost does not grow with unrelated rules.
/// Ties are reported as a conflict, never settled by chance or by order.
/// </summary>
public sealed class BranchRouter<T>
{
    private readonly Dictionary<string, List<BranchRule<T>>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BranchRule<T>>> _globsByFirstSegment = new(StringComparer.Ordinal);
    private readonly List<BranchRule<T>> _globsWithWildFirstSegment = [];

    public BranchRouter(IEnumerable<BranchRule<T>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            var bucket = rule.Glob.IsExact ? Bucket(_exact, rule.Glob.Pattern)
                : rule.Glob.LiteralFirstSegment is { } segment ? Bucket(_globsByFirstSegment, segment)
                : _globsWithWildFirstSegment;
            bucket.Add(rule);
        }
    }

    public BranchResolution<T> Resolve(string branch)
    {
        if (GitRefs.BranchNameError(branch) is { } error)
            return BranchResolution<T>.InvalidBranch(error);

        if (_exact.TryGetValue(branch, out var exact))
            return exact.Count == 1 ? BranchResolution<T>.Matched(exact[0]) : BranchResolution<T>.Conflict(exact);

        var slash = branch.IndexOf('/', StringComparison.Ordinal);
        var candidates = slash > 0 && _globsByFirstSegment.TryGetValue(branch[..slash], out var sameFirst)
            ? sameFirst.Concat(_globsWithWildFirstSegment)
            : _globsWithWildFirstSegment;
        var matches = candidates.Where(rule => rule.Glob.Matches(branch)).ToList();
        if (matches.Count == 0)
            return BranchResolution<T>.NoMatch();

        matches.Sort((a, b) => BranchGlob.CompareSpecificity(a.Glob, b.Glob));
        var best = matches.TakeWhile(rule => BranchGlob.CompareSpecificity(rule.Glob, matches[0].Glob) == 0).ToList();
        return best.Count == 1 ? BranchResolution<T>.Matched(best[0]) : BranchResolution<T>.Conflict(best);
    }

    private static List<BranchRule<T>> Bucket(Dictionary<string, List<BranchRule<T>>> index, string key)
    {
        if (!index.TryGetValue(key, out var bucket))
            index[key] = bucket = [];
        return bucket;
    }
}
