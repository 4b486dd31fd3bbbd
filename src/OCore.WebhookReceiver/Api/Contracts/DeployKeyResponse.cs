namespace OCore.WebhookReceiver.Api.Contracts;

/// <summary>The read-only deploy key to add to the repository, and where to add it.</summary>
public sealed record DeployKeyResponse(string PublicKey, string? Fingerprint, string? Instructions);
