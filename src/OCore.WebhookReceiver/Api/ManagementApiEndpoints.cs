using Microsoft.AspNetCore.Mvc;
using OCore.WebhookReceiver.Api.Contracts;

namespace OCore.WebhookReceiver.Api;

/// <summary>
/// The spec's REST API. Every call is made to Kubernetes with the caller's own bearer token, so Kubernetes RBAC (the
/// chart's ocore-manage-projects, ocore-view-projects and ocore-manage-org-settings roles) decides; the service lends
/// none of its own rights. The OpenAPI document is at <c>/api/openapi/v1.json</c>.
/// </summary>
public static class ManagementApiEndpoints
{
    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/api/openapi/{documentName}.json");
        var api = endpoints.MapGroup("/api").AddEndpointFilter<BearerTokenFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        var projects = api.MapGroup("/projects/{projectId}").WithTags("Projects");
        projects.MapPost("/repository", async (string projectId, HttpRequest request, RepositoryApi repository, CancellationToken cancellationToken) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<RepositoryRequestBody>(request, cancellationToken);
                return problem ?? await repository.ConnectAsync(projectId, body, cancellationToken);
            })
            .WithJsonBody<RepositoryRequestBody>()
            .WithSummary("Connect a repository: creates or updates the Project, answers its deploy key and webhook")
            .Produces<RepositoryResponse>(StatusCodes.Status200OK).Produces<RepositoryResponse>(StatusCodes.Status201Created)
            .Produces<RepositoryResponse>(StatusCodes.Status202Accepted);
        projects.MapGet("/repository", (string projectId, RepositoryApi repository, CancellationToken cancellationToken) =>
                repository.GetAsync(projectId, cancellationToken))
            .WithSummary("The repository connection: deploy key, webhook URL (and secret when you may read it), access and last delivery")
            .Produces<RepositoryResponse>();
        projects.MapPost("/repository/reconfigure-webhook", (string projectId, RepositoryApi repository, CancellationToken cancellationToken) =>
                repository.ReconfigureWebhookAsync(projectId, cancellationToken))
            .WithSummary("Generate a new webhook secret (the previous one stays valid for a grace period)")
            .Produces<RepositoryResponse>().Produces<RepositoryResponse>(StatusCodes.Status202Accepted);
        projects.MapPost("/repository/regenerate-key", (string projectId, RepositoryApi repository, CancellationToken cancellationToken) =>
                repository.RegenerateKeyAsync(projectId, cancellationToken))
            .WithSummary("Generate a new deploy key; replace the old one in the repository")
            .Produces<RepositoryResponse>().Produces<RepositoryResponse>(StatusCodes.Status202Accepted);
        projects.MapPut("/branch-mappings", async (string projectId, HttpRequest request, BranchMappingApi mappings, CancellationToken cancellationToken) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<BranchMappingRequestBody>(request, cancellationToken);
                return problem ?? await mappings.PutAsync(projectId, body, cancellationToken);
            })
            .WithJsonBody<BranchMappingRequestBody>()
            .WithSummary("Map a branch (or glob) to an environment: creates or updates the BranchMapping")
            .Produces<BranchMappingResponse>().Produces<BranchMappingResponse>(StatusCodes.Status201Created);
        projects.MapGet("/branch-mappings", (string projectId, BranchMappingApi mappings, CancellationToken cancellationToken) =>
                mappings.ListAsync(projectId, cancellationToken))
            .WithSummary("List the project's branch mappings")
            .Produces<BranchMappingListResponse>();

        var gitHubApp = api.MapGroup("/settings/github-app").WithTags("GitHub App");
        gitHubApp.MapGet("", (HttpRequest request, string? organization, GitHubAppSettingsApi settings, CancellationToken cancellationToken) =>
                settings.GetAsync(request, organization, cancellationToken))
            .WithSummary("The GitHub App configuration and a signed install link for the organization")
            .Produces<GitHubAppSettingsResponse>();
        gitHubApp.MapGet("/installations", (string? organization, [FromQuery(Name = "include_unlinked")] bool? includeUnlinked, GitHubAppSettingsApi settings,
                CancellationToken cancellationToken) => settings.ListInstallationsAsync(organization, includeUnlinked == true, cancellationToken))
            .WithSummary("The organization's GitHub App installations")
            .Produces<InstallationListResponse>();
        gitHubApp.MapDelete("/installations/{installationId}", (string installationId, string? organization, GitHubAppSettingsApi settings,
                CancellationToken cancellationToken) => settings.RemoveInstallationAsync(installationId, organization, cancellationToken))
            .WithSummary("Unlink an installation (soft delete: the record stays, routing skips it)")
            .Produces<InstallationResponse>();
        return endpoints;
    }
}
