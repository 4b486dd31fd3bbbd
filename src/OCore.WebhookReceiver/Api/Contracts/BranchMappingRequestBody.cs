using System.Text.Json.Nodes;

namespace OCore.WebhookReceiver.Api.Contracts;

/// <summary>
/// Body of <c>PUT /api/projects/{projectId}/branch-mappings</c>, as in the spec: <c>branch</c> (a name or a glob such as
/// <c>feature/*</c>) and <c>environmentId</c> (an Environment's name), or instead of the id an
/// <c>environmentTemplate</c> for one Environment per matching branch: the BranchMapping's
/// <c>spec.environmentTemplate</c>, which the CRD schema validates (<c>kubectl explain branchmapping.spec.environmentTemplate</c>).
/// </summary>
public sealed record BranchMappingRequestBody(string? Branch, string? EnvironmentId, JsonObject? EnvironmentTemplate);
