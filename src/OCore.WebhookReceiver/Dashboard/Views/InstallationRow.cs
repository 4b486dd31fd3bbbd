using System.Globalization;
using OCore.Api.V1Alpha1;
using OCore.Management.GitHubApp;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>One installation as the spec's "Viewing Installations" shows it, with where its repository permissions are set on GitHub.</summary>
public sealed record InstallationRow(long Id, string? Account, string? Type, string? Created, string State, bool Linked, string? PermissionsUrl)
{
    public static InstallationRow From(GitHubInstallation installation, Uri gitHub)
    {
        ArgumentNullException.ThrowIfNull(installation);
        ArgumentNullException.ThrowIfNull(gitHub);
        var status = installation.Status;
        var created = status?.InstalledAt ?? installation.Metadata.CreationTimestamp;
        var root = gitHub.AbsoluteUri.TrimEnd('/');
        var id = installation.Spec.InstallationId;
        // GitHub keeps an installation's repository access under the account's settings.
        string? permissions = status?.AccountLogin is not { } login ? null
            : status.AccountType == AccountType.Organization ? $"{root}/organizations/{Uri.EscapeDataString(login)}/settings/installations/{id}"
            : $"{root}/settings/installations/{id}";
        return new(id, status?.AccountLogin, status?.AccountType?.ToString().ToLowerInvariant(),
            created?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), GitHubInstallations.State(installation), installation.Spec.Unlinked != true, permissions);
    }
}
