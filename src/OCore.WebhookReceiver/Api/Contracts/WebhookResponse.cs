namespace OCore.WebhookReceiver.Api.Contracts;

/// <summary>
/// The webhook to add in the provider. <see cref="Secret"/> is there only when the caller may read the Secret that
/// holds it (<see cref="SecretName"/>, key <c>secret</c>).
/// </summary>
public sealed record WebhookResponse(string Url, string? Secret, string SecretName, string? Instructions, string? LastDelivery);
