namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>
/// The messages a page shows after a form redirected to it (<c>?notice=key</c>). Only these fixed texts: a link
/// cannot make the dashboard say something it never says.
/// </summary>
internal static class Notices
{
    public const string Connected = "connected";
    public const string ConnectPending = "connect-pending";
    public const string WebhookReconfigured = "webhook-reconfigured";
    public const string KeyRegenerated = "key-regenerated";
    public const string ActionPending = "action-pending";
    public const string MappingSaved = "mapping-saved";
    public const string MappingRemoved = "mapping-removed";
    public const string PresetApplied = "preset-applied";
    public const string InstallationRemoved = "installation-removed";
    public const string SignedOut = "signed-out";
    public const string SessionExpired = "session-expired";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        [Connected] = "Repository connected. Add the deploy key and the webhook below to your repository.",
        [ConnectPending] = "Saved. The operator has not created the deploy key and webhook yet; reload in a moment.",
        [WebhookReconfigured] = "A new webhook secret was generated. Reveal it and paste it into the provider's webhook settings.",
        [KeyRegenerated] = "A new deploy key was generated. Replace the old key in the repository's deploy key settings.",
        [ActionPending] = "Requested. The operator has not finished yet; reload in a moment.",
        [MappingSaved] = "Branch mapping saved.",
        [MappingRemoved] = "Branch mapping removed.",
        [PresetApplied] = "Branch strategy applied.",
        [InstallationRemoved] = "Installation removed (soft delete: the record stays, routing skips it).",
        [SignedOut] = "Signed out.",
        [SessionExpired] = "Kubernetes no longer accepts your token (expired or revoked). Sign in again.",
    };

    public static string? Text(string? key) => key is not null && Texts.TryGetValue(key, out var text) ? text : null;
}
