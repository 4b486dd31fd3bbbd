using OCore.Api.Branches;

namespace OCore.Bench.Routing;

/// <summary>
/// Routers built once per (rules, shape) for every benchmark case that uses them, with the managed memory each took:
/// a 50,000-rule router takes a while to build, and its size is one of the figures.
/// </summary>
public static class RouterCache
{
    private static readonly Dictionary<(int Rules, RuleShape Shape), BranchRouter<int>> Routers = [];

    /// <summary>Managed bytes retained by each router, measured around its construction.</summary>
    public static Dictionary<(int Rules, RuleShape Shape), long> RetainedBytes { get; } = [];

    public static BranchRouter<int> Get(int count, RuleShape shape)
    {
        if (Routers.TryGetValue((count, shape), out var router))
            return router;

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var rules = new List<BranchRule<int>>
        {
            new(new BranchGlob("main"), 0),
            new(new BranchGlob("feature/*"), 1),
            new(new BranchGlob("release/*"), 2),
        };
        for (var i = rules.Count; i < count; i++)
        {
            // Nine in ten filler rules are exact branch names, one in ten a glob.
            var glob = i % 10 == 0;
            var pattern = shape == RuleShape.Indexed
                ? (glob ? $"team{i}/*" : $"env-{i}")
                : (glob ? $"feature/t{i}/*" : $"feature/t{i}");
            rules.Add(new BranchRule<int>(new BranchGlob(pattern), i));
        }

        router = new BranchRouter<int>(rules);
        Routers[(count, shape)] = router;
        RetainedBytes[(count, shape)] = GC.GetTotalMemory(forceFullCollection: true) - before;
        return router;
    }
}
