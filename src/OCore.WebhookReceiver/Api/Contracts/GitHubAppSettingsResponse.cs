using System.Text.Json.Serialization;

namespace OCore.WebhookReceiver.Api.Contracts;

/// <summary>
/// <c>GET /api/settings/github-app</c>: the App this oCore acts as, and a signed install link for the organization
/// (valid until <see cref="InstallUrlExpiresAt"/>; "Install GitHub App" and "Install on Another Account" both use it).
/// Snake case, like the spec's installations listing.
/// </summary>
public sealed record GitHubAppSettingsResponse(
    [property: JsonPropertyName("organization")] string Organization,
    [property: JsonPropertyName("configured")] bool Configured,
    [property: JsonPropertyName("app_id")] string? AppId,
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("app_url")] string? AppUrl,
    [property: JsonPropertyName("install_url")] string? InstallUrl,
    [property: JsonPropertyName("install_url_expires_at")] DateTimeOffset? InstallUrlExpiresAt,
    [property: JsonPropertyName("setup_url")] string SetupUrl,
    [property: JsonPropertyName("webhook_url")] string WebhookUrl,
    [property: JsonPropertyName("active_installations")] int ActiveInstallations,
    [property: JsonPropertyName("message")] string? Message);
