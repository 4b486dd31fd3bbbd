using OCore.Api.Branches;

namespace OCore.Api.Tests.Branches;

/// <summary>
/// The router indexes globs by literal prefix; these tests pin that the index only skips globs that cannot match,
/// so resolution is exactly what trying every rule would give.
/// </summary>
public sealed class GlobPrefixIndexTests
{
    private static BranchRule<int> Rule(string pattern, int target) => new(new BranchGlob(pattern), target);

    [Theory]
    [InlineData("feature/JIRA-*", "feature/JIRA-")]
    [InlineData("feature/**", "feature/")]
    [InlineData("*/hotfix", "")]
    [InlineData("**", "")]
    [InlineData("main", "main")]
    [InlineData("rel*ase/*", "rel")]
    public void The_literal_prefix_is_everything_before_the_first_wildcard(string pattern, string prefix) =>
        Assert.Equal(prefix, new BranchGlob(pattern).LiteralPrefix);

    [Fact]
    public void Globs_sharing_a_first_segment_are_found_among_many()
    {
        var rules = Enumerable.Range(0, 50_000).Select(i => Rule($"feature/t{i}/*", i))
            .Append(Rule("feature/*", -1)).Append(Rule("feature/t7*/x", -2)).Append(Rule("**/x", -3));
        var router = new BranchRouter<int>(rules);

        Assert.Equal(-1, router.Resolve("feature/login-page").Winner!.Target);
        Assert.Equal(42, router.Resolve("feature/t42/login").Winner!.Target);
        // feature/t7/* and feature/t7*/x both match; the latter has more literal characters.
        Assert.Equal(-2, router.Resolve("feature/t7/x").Winner!.Target);
        Assert.Equal(-3, router.Resolve("a/b/x").Winner!.Target);
        Assert.Equal(BranchResolutionKind.NoMatch, router.Resolve("feature/login/page").Kind);
    }

    [Fact]
    public void Globs_with_the_same_prefix_keep_their_conflicts()
    {
        var router = new BranchRouter<int>([Rule("feature/a*", 1), Rule("feature/*a", 2), Rule("feature/a*", 3)]);
        var result = router.Resolve("feature/aa");
        Assert.Equal(BranchResolutionKind.Conflict, result.Kind);
        Assert.Equal([1, 2, 3], result.Rules.Select(r => r.Target).Order());
    }

    [Fact]
    public void Resolution_equals_trying_every_rule()
    {
        // Random patterns and branches over a small alphabet, so prefixes overlap often; compared with a reference
        // that tries every rule and applies the same specificity order.
        var random = new Random(20_26);
        const string alphabet = "ab/";
        string Word(int min, int max, bool stars)
        {
            var chars = new char[random.Next(min, max + 1)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = stars && random.Next(4) == 0 ? '*' : alphabet[random.Next(alphabet.Length)];
            return new string(chars);
        }

        for (var round = 0; round < 200; round++)
        {
            var rules = Enumerable.Range(0, random.Next(1, 40)).Select(i => Rule(Word(1, 6, stars: true), i)).ToList();
            var router = new BranchRouter<int>(rules);
            for (var b = 0; b < 30; b++)
            {
                var branch = Word(1, 7, stars: false);
                var actual = router.Resolve(branch);
                if (actual.Kind == BranchResolutionKind.InvalidBranch)
                    continue;
                var expected = Reference(rules, branch);
                Assert.Equal(expected.Kind, actual.Kind);
                Assert.Equal(expected.Targets, actual.Rules.Select(r => r.Target).Order());
            }
        }
    }

    private static (BranchResolutionKind Kind, IEnumerable<int> Targets) Reference(List<BranchRule<int>> rules, string branch)
    {
        var matches = rules.Where(r => r.Glob.Matches(branch)).ToList();
        if (matches.Count == 0)
            return (BranchResolutionKind.NoMatch, []);
        var best = matches.Where(r => matches.All(o => BranchGlob.CompareSpecificity(r.Glob, o.Glob) <= 0)).ToList();
        return (best.Count == 1 ? BranchResolutionKind.Matched : BranchResolutionKind.Conflict, best.Select(r => r.Target).Order());
    }
}
