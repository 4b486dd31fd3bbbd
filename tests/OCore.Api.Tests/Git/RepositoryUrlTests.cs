using OCore.Api.Git;

namespace OCore.Api.Tests.Git;

public sealed class RepositoryUrlTests
{
    public static TheoryData<string, string, string, int?, string, string, GitProvider?> Valid => new()
    {
        // url, scheme, host, port, owner, name, inferred provider
        { "git@github.com:acme/odoo-custom.git", "ssh", "github.com", null, "acme", "odoo-custom", GitProvider.GitHub },
        { "git@github.com:acme/odoo-custom", "ssh", "github.com", null, "acme", "odoo-custom", GitProvider.GitHub },
        { "git@GitHub.com:Acme-Corp/Odoo-ERP.git", "ssh", "github.com", null, "Acme-Corp", "Odoo-ERP", GitProvider.GitHub },
        { "ssh://git@github.com/acme/odoo-custom.git", "ssh", "github.com", null, "acme", "odoo-custom", GitProvider.GitHub },
        { "ssh://git@git.acme.example:2222/erp/addons.git", "ssh", "git.acme.example", 2222, "erp", "addons", null },
        { "https://github.com/acme/odoo-custom", "https", "github.com", null, "acme", "odoo-custom", GitProvider.GitHub },
        { "https://github.com/acme/odoo-custom.git/", "https", "github.com", null, "acme", "odoo-custom", GitProvider.GitHub },
        { "https://gitlab.example.com:8443/group/sub/deeper/repo.git", "https", "gitlab.example.com", 8443, "group/sub/deeper", "repo", null },
        { "git@gitlab.com:acme/odoo/addons.git", "ssh", "gitlab.com", null, "acme/odoo", "addons", GitProvider.GitLab },
        { "git@bitbucket.org:acme-workspace/odoo.git", "ssh", "bitbucket.org", null, "acme-workspace", "odoo", GitProvider.Bitbucket },
        { "  git@github.com:acme/odoo.git  ", "ssh", "github.com", null, "acme", "odoo", GitProvider.GitHub },
        { "gitea@code.acme.example:team/odoo.v2.git", "ssh", "code.acme.example", null, "team", "odoo.v2", null },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_the_forms_providers_show(string text, string scheme, string host, int? port, string owner, string name, GitProvider? provider)
    {
        var url = RepositoryUrl.Parse(text);
        Assert.Equal((scheme, host, port, owner, name, provider), (url.Scheme, url.Host, url.Port, url.Owner, url.Name, url.InferredProvider));
        Assert.Equal($"{owner}/{name}", url.FullName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("github.com/acme/repo")]
    [InlineData("git@github.com:repo.git")]
    [InlineData("https://github.com/acme")]
    [InlineData("ftp://github.com/acme/repo.git")]
    [InlineData("https://user:hunter2@github.com/acme/repo.git")]
    [InlineData("git@github.com:acme//repo.git")]
    [InlineData("git@github.com:acme/../repo.git")]
    [InlineData("git@github.com:acme/re po.git")]
    public void Rejects_what_is_not_a_repository_and_names_the_accepted_forms(string text)
    {
        var error = Assert.Throws<RepositoryUrlException>(() => RepositoryUrl.Parse(text));
        Assert.True(error.Message.Contains(RepositoryUrl.AcceptedForms, StringComparison.Ordinal) || error.Message.Contains("password", StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme/odoo-custom", true)]
    [InlineData("ACME/Odoo-Custom", true)]
    [InlineData("acme/odoo-custom.git", true)]
    [InlineData("acme/odoo-custom2", false)]
    [InlineData("evil/odoo-custom", false)]
    [InlineData("odoo-custom", false)]
    public void Compares_payload_full_names_case_insensitively(string fullName, bool expected) =>
        Assert.Equal(expected, RepositoryUrl.Parse("git@github.com:acme/odoo-custom.git").HasFullName(fullName));

    [Fact]
    public void Gives_an_ssh_url_for_git_with_the_port()
    {
        Assert.Equal("ssh://git@git.acme.example:2222/erp/addons.git", RepositoryUrl.Parse("ssh://git@git.acme.example:2222/erp/addons").ToSshUrl());
        Assert.Equal("ssh://git@github.com/acme/odoo.git", RepositoryUrl.Parse("https://github.com/acme/odoo").ToSshUrl());
    }
}
