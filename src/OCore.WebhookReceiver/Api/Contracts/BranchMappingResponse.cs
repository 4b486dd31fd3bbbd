namespace OCore.WebhookReceiver.Api.Contracts;

/// <summary>
/// One mapping. <see cref="EnvironmentId"/> is null for a per-branch mapping; its <see cref="Environments"/> are the
/// Environments created so far, one per branch.
/// </summary>
public sealed record BranchMappingResponse(
    string Id,
    string Branch,
    string? EnvironmentId,
    bool PerBranchEnvironments,
    IReadOnlyList<string> Environments,
    bool Ready,
    string? Message,
    string? LastDeployment);
