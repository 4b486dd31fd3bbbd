using OCore.Api.V1Alpha1;

namespace OCore.GitProviders.GitHubApp;

/// <summary>What GitHub says about an installation of the App (<c>GET /app/installations/{id}</c>).</summary>
/// <param name="Id">The installation id.</param>
/// <param name="AccountLogin">The user or organization the App is installed on; routing matches it to repository owners.</param>
/// <param name="AccountType">User or Organization (an enterprise account counts as an organization).</param>
/// <param name="CreatedAt">When the App was installed.</param>
/// <param name="SuspendedAt">When the owner suspended the installation, or null.</param>
/// <param name="RepositorySelection"><c>all</c> or <c>selected</c>.</param>
public sealed record InstallationInfo(
    long Id,
    string AccountLogin,
    AccountType AccountType,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SuspendedAt,
    string RepositorySelection)
{
    public bool IsSuspended => SuspendedAt is not null;
}
