using BenchmarkDotNet.Attributes;
using OCore.Api.Branches;

namespace OCore.Bench.Routing;

/// <summary>
/// The realistic shape: routing is per project. <see cref="Projects"/> projects with 5 rules each, kept in a
/// dictionary by project (a stand-in for the receiver's informer index by project); one push looks its project's
/// rules up, builds that project's router and resolves the branch. <see cref="LookUpBuildResolve"/> reuses parsed
/// globs; <see cref="ParseGlobsBuildResolve"/> also parses them from the spec strings, as PushTargets.Router does
/// on every push.
/// </summary>
[MemoryDiagnoser]
public class PerProjectBenchmarks
{
    private Dictionary<string, List<BranchRule<int>>> _rulesByProject = null!;
    private static readonly string[] Patterns = ["main", "staging", "feature/*", "release/**", "hotfix/*"];
    private Dictionary<string, string[]> _patternsByProject = null!;
    private string _project = "";

    [Params(1, 10_000)]
    public int Projects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rulesByProject = new Dictionary<string, List<BranchRule<int>>>(StringComparer.Ordinal);
        _patternsByProject = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var p = 0; p < Projects; p++)
        {
            _patternsByProject[$"org{p}/odoo-custom"] = Patterns;
            _rulesByProject[$"org{p}/odoo-custom"] =
            [
                new(new BranchGlob("main"), 0),
                new(new BranchGlob("staging"), 1),
                new(new BranchGlob("feature/*"), 2),
                new(new BranchGlob("release/**"), 3),
                new(new BranchGlob("hotfix/*"), 4),
            ];
        }

        _project = $"org{Projects / 2}/odoo-custom";
    }

    [Benchmark]
    public BranchResolution<int> LookUpBuildResolve() =>
        new BranchRouter<int>(_rulesByProject[_project]).Resolve("feature/login-page");

    [Benchmark]
    public BranchResolution<int> ParseGlobsBuildResolve() =>
        new BranchRouter<int>(_patternsByProject[_project].Select((pattern, i) => new BranchRule<int>(new BranchGlob(pattern), i)))
            .Resolve("feature/login-page");
}
