using System.Text.Json.Serialization;

namespace OCore.WebhookReceiver.Api.Contracts;

public sealed record InstallationListResponse([property: JsonPropertyName("installations")] IReadOnlyList<InstallationResponse> Installations);
