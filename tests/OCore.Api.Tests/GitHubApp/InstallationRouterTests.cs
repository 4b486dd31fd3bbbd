using k8s.Models;
using OCore.Api.Git;
using OCore.Api.GitHubApp;
using OCore.Api.V1Alpha1;

namespace OCore.Api.Tests.GitHubApp;

public sealed class InstallationRouterTests
{
    private static readonly DateTime Jan = new(2026, 1, 15, 10, 30, 0, DateTimeKind.Utc);

    private static readonly GitHubInstallation[] SpecInstallations =
    [
        Installation("acme-corp", 12345678, Jan),
        Installation("acme-client-a", 87654321, Jan.AddDays(36)),
        Installation("devuser", 11111111, Jan.AddDays(60)),
    ];

    // The spec's per-project routing table.
    [Theory]
    [InlineData("git@github.com:acme-corp/odoo-erp.git", "acme-corp", InstallationMatch.Owner)]
    [InlineData("git@github.com:acme-client-a/custom-addons.git", "acme-client-a", InstallationMatch.Owner)]
    [InlineData("git@github.com:devuser/playground.git", "devuser", InstallationMatch.Owner)]
    [InlineData("git@github.com:ACME-Corp/odoo-erp.git", "acme-corp", InstallationMatch.Owner)]
    [InlineData("git@github.com:someone-else/repo.git", "acme-corp", InstallationMatch.Fallback)]
    public void Routes_by_repository_owner_with_fallback_to_the_oldest(string url, string expected, InstallationMatch matchedBy)
    {
        var route = InstallationRouter.Route(RepositoryUrl.Parse(url).Owner, SpecInstallations)!;
        Assert.Equal(expected, route.Installation.Status!.AccountLogin);
        Assert.Equal(matchedBy, route.MatchedBy);
    }

    [Fact]
    public void Unlinked_suspended_and_unverified_installations_are_skipped()
    {
        var unlinked = Installation("acme-corp", 1, Jan);
        unlinked.Spec.Unlinked = true;
        var suspended = Installation("acme-client-a", 2, Jan.AddDays(1));
        suspended.Status!.Suspended = true;
        var unverified = Installation("devuser", 3, Jan.AddDays(2));
        unverified.Status!.Verified = false;
        var fallback = Installation("latecomer", 4, Jan.AddDays(3));

        var route = InstallationRouter.Route("acme-corp", [unlinked, suspended, unverified, fallback])!;
        Assert.Equal(("latecomer", InstallationMatch.Fallback), (route.Installation.Status!.AccountLogin!, route.MatchedBy));
        Assert.Null(InstallationRouter.Route("acme-corp", [unlinked, suspended, unverified]));
    }

    [Fact]
    public void The_oldest_wins_the_fallback_whatever_the_list_order()
    {
        var installations = SpecInstallations.Reverse().ToArray();
        Assert.Equal("acme-corp", InstallationRouter.Route("nobody", installations)!.Installation.Status!.AccountLogin);
    }

    private static GitHubInstallation Installation(string login, long id, DateTime linked) => new()
    {
        Metadata = new V1ObjectMeta { Name = login, NamespaceProperty = "acme", CreationTimestamp = linked },
        Spec = new GitHubInstallationSpec { InstallationId = id },
        Status = new GitHubInstallationStatus { AccountLogin = login, AccountType = AccountType.Organization, Verified = true, Suspended = false },
    };
}
