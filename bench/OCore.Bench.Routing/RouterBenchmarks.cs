using BenchmarkDotNet.Attributes;
using OCore.Api.Branches;

namespace OCore.Bench.Routing;

/// <summary>
/// One router holding <see cref="Rules"/> rules: <c>main</c> (exact), <c>feature/*</c> and <c>release/*</c> (globs)
/// plus filler rules of the given <see cref="Shape"/> (see <see cref="RouterCache"/>). Resolves an exact hit, a glob hit and an unmapped branch.
/// </summary>
public class RouterBenchmarks
{
    private BranchRouter<int> _router = null!;

    [Params(10, 1_000, 50_000)]
    public int Rules { get; set; }

    [Params(RuleShape.Indexed, RuleShape.SharedFirstSegment)]
    public RuleShape Shape { get; set; }

    [GlobalSetup]
    public void Setup() => _router = RouterCache.Get(Rules, Shape);

    [Benchmark]
    public BranchResolution<int> ExactHit() => _router.Resolve("main");

    [Benchmark]
    public BranchResolution<int> GlobHit() => _router.Resolve("feature/login-page");

    [Benchmark]
    public BranchResolution<int> Unmapped() => _router.Resolve("feature/login/page");
}
