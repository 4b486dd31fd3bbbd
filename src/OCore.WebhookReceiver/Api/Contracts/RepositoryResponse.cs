namespace OCore.WebhookReceiver.Api.Contracts;

/// <summary>
/// A Project's repository connection: what to add in the Git provider. <see cref="State"/> is <c>connected</c> (deploy
/// key and webhook are ready), <c>pending</c> (the operator has not acted yet: read it again) or <c>invalid</c> (the
/// spec cannot be connected; <see cref="Message"/> says why).
/// </summary>
public sealed record RepositoryResponse(
    string ProjectId,
    string Namespace,
    string Name,
    string RepositoryUrl,
    string? Branch,
    string? Provider,
    string State,
    string? Message,
    DeployKeyResponse? DeployKey,
    WebhookResponse? Webhook,
    bool? RepositoryAccessible);
