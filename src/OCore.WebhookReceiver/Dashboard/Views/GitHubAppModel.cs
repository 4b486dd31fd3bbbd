namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>Organization Settings › GitHub App: the App, its install link (signed state) and the installations.</summary>
public sealed record GitHubAppModel(
    string Namespace,
    bool Configured,
    string? AppId,
    string? AppUrl,
    string? InstallUrl,
    string? Message,
    IReadOnlyList<InstallationRow> Installations,
    bool CanManage,
    IReadOnlyList<Hint> Hints);
