using OCore.GitProviders.GitHubApp;

namespace OCore.GitProviders.Tests;

public sealed class InstallUrlTests
{
    [Fact]
    public void Points_at_the_apps_install_page_with_the_escaped_state()
    {
        var options = new GitHubAppOptions { AppId = "1", PrivateKeyPem = "unused", AppSlug = "ocore-dev" };

        Assert.Equal("https://github.com/apps/ocore-dev/installations/new?state=org%3Aacme%2Bsig%3D%3D",
            options.InstallUrl("org:acme+sig==").AbsoluteUri);
    }

    [Fact]
    public void Uses_the_configured_web_root_for_enterprise_servers()
    {
        var options = new GitHubAppOptions
        {
            AppId = "1",
            PrivateKeyPem = "unused",
            AppSlug = "ocore",
            WebBaseUrl = new Uri("https://ghe.example.com/"),
        };

        Assert.Equal("https://ghe.example.com/apps/ocore/installations/new?state=abc", options.InstallUrl("abc").AbsoluteUri);
    }

    [Fact]
    public void Needs_the_slug()
    {
        var options = new GitHubAppOptions { AppId = "1", PrivateKeyPem = "unused" };

        Assert.Throws<InvalidOperationException>(() => options.InstallUrl("abc"));
    }
}
