using OCore.Api.Git;

namespace OCore.Api.Tests.Git;

public sealed class GitRefsTests
{
    [Theory]
    [InlineData("refs/heads/main", "main")]
    [InlineData("refs/heads/feature/login", "feature/login")]
    [InlineData("refs/heads/refs/heads/x", "refs/heads/x")]
    [InlineData("refs/tags/v1.0", null)]
    [InlineData("refs/tags/feature/x", null)]
    [InlineData("refs/pull/1/head", null)]
    [InlineData("refs/heads/", null)]
    [InlineData("main", null)]
    [InlineData(null, null)]
    public void Only_heads_are_branches(string? fullRef, string? branch) => Assert.Equal(branch, GitRefs.BranchOf(fullRef));

    [Theory]
    [InlineData("main")]
    [InlineData("feature/login")]
    [InlineData("feature/ünïcødé-ブランチ")]
    [InlineData("release/2026.11")]
    [InlineData("a-b_c+d=e,f")]
    public void Accepts_names_git_accepts(string branch) => Assert.Null(GitRefs.BranchNameError(branch));

    [Theory]
    [InlineData("feature/")]
    [InlineData("/feature")]
    [InlineData("feature//x")]
    [InlineData("feature/.hidden")]
    [InlineData("feature/x.lock")]
    [InlineData("a..b")]
    [InlineData("a@{b")]
    [InlineData("@")]
    [InlineData("-rf")]
    [InlineData("ends.")]
    [InlineData("has space")]
    [InlineData("star*")]
    [InlineData("what?")]
    [InlineData("tilde~1")]
    [InlineData("caret^")]
    [InlineData("co:lon")]
    [InlineData("brack[et")]
    [InlineData("back\\slash")]
    [InlineData("tab\there")]
    [InlineData("")]
    public void Rejects_names_git_rejects(string branch) => Assert.NotNull(GitRefs.BranchNameError(branch));

    [Fact]
    public void Long_branch_names_are_valid() => Assert.True(GitRefs.IsValidBranchName(new string('a', 255)));

    [Theory]
    [InlineData("0000000000000000000000000000000000000000", true)]
    [InlineData("9fceb02d0ae598e95dc970b74767f19372d61af8", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Recognises_the_zero_commit_of_a_deletion(string? commit, bool zero) => Assert.Equal(zero, GitRefs.IsZeroCommit(commit));

    [Theory]
    [InlineData("refs/heads/main", true)]
    [InlineData("refs/heads/feature/ünï", true)]
    [InlineData("refs/tags/v1.0", true)]
    [InlineData("refs/heads/a..b", false)]
    [InlineData("refs/heads/x.lock", false)]
    [InlineData("refs//heads", false)]
    [InlineData("", false)]
    public void Full_ref_names_follow_check_ref_format(string name, bool valid) => Assert.Equal(valid, GitRefs.RefNameError(name) is null);

    [Fact]
    public void Refs_longer_than_the_limit_are_refused() =>
        Assert.NotNull(GitRefs.RefNameError("refs/heads/" + new string('a', GitRefs.MaxRefLength)));
}
