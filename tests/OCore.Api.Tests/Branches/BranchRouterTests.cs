using OCore.Api.Branches;

namespace OCore.Api.Tests.Branches;

public sealed class BranchRouterTests
{
    private static BranchRouter<string> Router(params string[] patterns) =>
        new(patterns.Select((p, i) => new BranchRule<string>(new BranchGlob(p), $"{p}#{i}")));

    [Theory]
    [InlineData("main", "main")]
    [InlineData("staging", "staging")]
    [InlineData("feature/login", "feature/*")]
    [InlineData("feature/login/oauth", "feature/**")]
    [InlineData("release/18.0", "release/*")]
    [InlineData("hotfix/x", "**")]
    [InlineData("develop", "**")]
    public void The_most_specific_rule_wins(string branch, string expected)
    {
        var result = Router("main", "staging", "feature/*", "feature/**", "release/*", "**").Resolve(branch);
        Assert.Equal(BranchResolutionKind.Matched, result.Kind);
        Assert.Equal(expected, result.Winner!.Glob.Pattern);
    }

    [Fact]
    public void An_exact_name_beats_any_glob()
    {
        var result = Router("feature/*", "feature/special", "**").Resolve("feature/special");
        Assert.Equal("feature/special", result.Winner!.Glob.Pattern);
    }

    [Fact]
    public void More_literal_characters_beat_fewer()
    {
        Assert.Equal("feature/JIRA-*", Router("feature/*", "feature/JIRA-*").Resolve("feature/JIRA-12").Winner!.Glob.Pattern);
        Assert.Equal("*/login", Router("*/*", "*/login").Resolve("feature/login").Winner!.Glob.Pattern);
    }

    [Fact]
    public void Equally_specific_overlapping_globs_are_a_conflict_not_a_coin_toss()
    {
        var result = Router("feature/a*", "feature/*a").Resolve("feature/aa");
        Assert.Equal(BranchResolutionKind.Conflict, result.Kind);
        Assert.Equal(["feature/a*", "feature/*a"], result.Rules.Select(r => r.Glob.Pattern).Order().Reverse());
        Assert.Null(result.Winner);

        // Where only one of them matches there is no conflict.
        Assert.Equal("feature/a*", Router("feature/a*", "feature/*a").Resolve("feature/ab").Winner!.Glob.Pattern);
    }

    [Fact]
    public void Two_rules_claiming_the_same_name_are_a_conflict()
    {
        Assert.Equal(BranchResolutionKind.Conflict, Router("main", "main").Resolve("main").Kind);
        Assert.Equal(2, Router("feature/*", "feature/*").Resolve("feature/x").Rules.Count);
    }

    [Theory]
    [InlineData("feature/a/b")] // * stays within one segment
    [InlineData("features/x")]
    [InlineData("x/feature/y")] // never match on the last segment only
    [InlineData("Main")]        // branch names are case-sensitive, as in git
    public void Unmatched_branches_route_nowhere(string branch) =>
        Assert.Equal(BranchResolutionKind.NoMatch, Router("main", "feature/*").Resolve(branch).Kind);

    [Theory]
    [InlineData("feature/")]
    [InlineData("refs/heads/../x")]
    [InlineData("feature/*")]
    [InlineData("")]
    public void Invalid_branch_names_are_reported_not_matched(string branch)
    {
        var result = Router("feature/*", "**").Resolve(branch);
        Assert.Equal(BranchResolutionKind.InvalidBranch, result.Kind);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public void Unicode_and_255_character_branches_route()
    {
        var router = Router("feature/*", "ブランチ/**");
        Assert.Equal("feature/*", router.Resolve("feature/ünïcødé").Winner!.Glob.Pattern);
        Assert.Equal("ブランチ/**", router.Resolve("ブランチ/機能/x").Winner!.Glob.Pattern);
        Assert.Equal("feature/*", router.Resolve("feature/" + new string('x', 247)).Winner!.Glob.Pattern);
    }

    [Fact]
    public void Tags_are_never_branches_even_with_a_catch_all()
    {
        // The receiver only routes refs/heads/*; a tag ref given as a "branch" is just a name with that prefix.
        Assert.Equal(BranchResolutionKind.NoMatch, Router("v*").Resolve("refs/tags/v1").Kind);
    }

    [Fact]
    public void A_hostile_pattern_matches_quickly()
    {
        var router = Router("*a*a*a*a*a*a*a*a*a*a*a*a*b");
        Assert.Equal(BranchResolutionKind.NoMatch, router.Resolve(new string('a', 255)).Kind);
    }

    [Fact]
    public void Globs_in_other_first_segments_are_not_consulted()
    {
        // Indexing by first segment must not lose globs whose first segment is a wildcard.
        var router = Router("release/*", "*/hotfix", "**/urgent");
        Assert.Equal("*/hotfix", router.Resolve("release2/hotfix").Winner!.Glob.Pattern);
        Assert.Equal("release/*", router.Resolve("release/hotfix").Winner!.Glob.Pattern);
        Assert.Equal("**/urgent", router.Resolve("a/b/urgent").Winner!.Glob.Pattern);
    }
}
