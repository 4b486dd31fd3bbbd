using System.Net;

namespace OCore.GitProviders;

/// <summary>
/// The GitHub App installation is suspended by its account owner: GitHub refuses every token and call for it until
/// the owner unsuspends it, so retrying is pointless.
/// </summary>
public sealed class InstallationSuspendedException : GitProviderException
{
    public InstallationSuspendedException(long installationId, string? providerMessage = null)
        : base($"GitHub App installation {installationId} is suspended; its owner must unsuspend it in the account's GitHub App settings",
            HttpStatusCode.Forbidden, providerMessage)
    {
        InstallationId = installationId;
    }

    public long InstallationId { get; }
}
