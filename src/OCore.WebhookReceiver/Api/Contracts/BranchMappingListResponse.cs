namespace OCore.WebhookReceiver.Api.Contracts;

public sealed record BranchMappingListResponse(IReadOnlyList<BranchMappingResponse> BranchMappings);
