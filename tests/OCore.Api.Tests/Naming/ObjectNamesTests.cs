using System.Text.RegularExpressions;
using OCore.Api.Naming;

namespace OCore.Api.Tests.Naming;

public sealed partial class ObjectNamesTests
{
    [Theory]
    [InlineData("feature/login")]
    [InlineData("feature/Foo")]
    [InlineData("Feature/ÜNÏCØDÉ/ブランチ")]
    [InlineData("-.-")]
    [InlineData("ブランチ")]
    [InlineData("a")]
    public void Branch_environment_names_are_dns_labels(string branch)
    {
        var name = ObjectNames.ForBranchEnvironment("features", branch);
        Assert.Matches(Dns1123Label(), name);
        Assert.True(name.Length <= 63);
        Assert.StartsWith("features-", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Branches_that_slug_alike_never_collide()
    {
        Assert.NotEqual(ObjectNames.ForBranchEnvironment("m", "feature/Foo"), ObjectNames.ForBranchEnvironment("m", "feature/foo"));
        Assert.NotEqual(ObjectNames.ForBranchEnvironment("m", "feature/a-b"), ObjectNames.ForBranchEnvironment("m", "feature/a_b"));
        Assert.Equal(ObjectNames.ForBranchEnvironment("m", "feature/foo"), ObjectNames.ForBranchEnvironment("m", "feature/foo"));
    }

    [Fact]
    public void A_255_character_branch_fits_in_63_and_keeps_the_readable_start()
    {
        var longBranch = "feature/" + new string('x', 247);
        var name = ObjectNames.ForBranchEnvironment("a-very-long-mapping-name-for-features", longBranch);
        Assert.Equal(63, name.Length);
        Assert.Matches(Dns1123Label(), name);
        Assert.StartsWith("a-very-long-mapping", name, StringComparison.Ordinal);
        Assert.NotEqual(name, ObjectNames.ForBranchEnvironment("a-very-long-mapping-name-for-features", longBranch + "y"));
    }

    [Theory]
    [InlineData("odoo-erp", "production", "9fceb02d0ae598e95dc970b74767f19372d61af8")]
    [InlineData("a-project-with-a-rather-long-name", "an-environment-with-a-long-name-too", "9fceb02d0ae598e95dc970b74767f19372d61af8")]
    public void Deployment_names_are_deterministic_labels(string project, string environment, string commit)
    {
        var name = ObjectNames.ForDeployment(project, environment, commit);
        Assert.Equal(name, ObjectNames.ForDeployment(project, environment, commit));
        Assert.Matches(Dns1123Label(), name);
        Assert.True(name.Length <= 63);
        Assert.Contains(commit[..8], name, StringComparison.Ordinal);
        Assert.NotEqual(name, ObjectNames.ForDeployment(project, environment, "1" + commit[1..]));
        Assert.NotEqual(name, ObjectNames.ForDeployment(project + "x", environment, commit));
    }

    [Fact]
    public void Deployment_names_do_not_collide_when_dashes_move_between_parts()
    {
        const string commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";
        Assert.NotEqual(ObjectNames.ForDeployment("a-b", "c", commit), ObjectNames.ForDeployment("a", "b-c", commit));
    }

    [Theory]
    [InlineData("main", "main")]
    [InlineData("release-18.0", "release-18.0")]
    public void Label_values_keep_what_is_already_valid(string value, string expected) => Assert.Equal(expected, ObjectNames.LabelValue(value));

    [Theory]
    [InlineData("feature/login")]
    [InlineData("Feature/ÜNÏ")]
    [InlineData("_leading")]
    public void Label_values_sanitise_the_rest(string value)
    {
        var label = ObjectNames.LabelValue(value);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", label);
        Assert.True(label.Length <= 63);
        Assert.Equal(label, ObjectNames.LabelValue(value));
    }

    [Fact]
    public void Child_names_fit_63_characters()
    {
        var owner = ObjectNames.ForDeployment("a-project-with-a-rather-long-name", "an-environment-with-a-long-name-too", "9fceb02d0ae598e95dc970b74767f19372d61af8");
        var child = ObjectNames.ForChild(owner, "update-modules");
        Assert.True(child.Length <= 63);
        Assert.Matches(Dns1123Label(), child);
        Assert.Equal("short-build", ObjectNames.ForChild("short", "build"));
    }

    [Fact]
    public void Project_ids_are_unguessable_and_url_safe()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ProjectIds.New()).ToList();
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z2-7]{26}$", id));
        Assert.All(ids, id => Assert.True(ProjectIds.IsWellFormed(id)));
        Assert.False(ProjectIds.IsWellFormed("../../etc/passwd"));
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();
}
