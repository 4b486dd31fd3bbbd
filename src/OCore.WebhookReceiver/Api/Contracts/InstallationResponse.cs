using System.Text.Json.Serialization;

namespace OCore.WebhookReceiver.Api.Contracts;

/// <summary>One installation, in the spec's shape (plus its state and the GitHubInstallation's name).</summary>
public sealed record InstallationResponse(
    [property: JsonPropertyName("installation_id")] long InstallationId,
    [property: JsonPropertyName("account_login")] string? AccountLogin,
    [property: JsonPropertyName("account_type")] string? AccountType,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("name")] string Name);
