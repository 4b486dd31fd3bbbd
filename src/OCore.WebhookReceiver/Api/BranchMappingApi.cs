using k8s;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.BranchMappings;
using OCore.WebhookReceiver.Api.Contracts;

namespace OCore.WebhookReceiver.Api;

/// <summary>The spec's "Creating Mappings" (PUT, create or update by branch) and "Listing Mappings" (GET).</summary>
internal sealed class BranchMappingApi(CallerKubernetes kubernetes, ProjectLocator locator)
{
    public async Task<IResult> PutAsync(string projectId, BranchMappingRequestBody? body, CancellationToken cancellationToken)
    {
        if (locator.Find(projectId) is not { } location)
            return RepositoryApi.UnknownProject(projectId);
        if (Validate(body) is { } invalid)
            return invalid;
        return await ApiCall.RunAsync(Roles.ManageProjects, location.Namespace, async () =>
        {
            try
            {
                EnvironmentSettings? template;
                try
                {
                    template = body!.EnvironmentTemplate is null ? null : KubernetesJson.Deserialize<EnvironmentSettings>(body.EnvironmentTemplate.ToJsonString());
                }
                catch (System.Text.Json.JsonException error)
                {
                    return ApiProblems.Invalid("environmentTemplate", $"environmentTemplate is not an Environment spec: {error.Message}");
                }

                var (mapping, created) = await BranchMappingWriter.ApplyAsync(kubernetes.In(location.Namespace), location.Name, body!.Branch!,
                    body.EnvironmentId, template, cancellationToken);
                return Results.Json(From(mapping), statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
            }
            catch (ResourceNotFoundException missing) when (missing.Field is not null)
            {
                return ApiProblems.Invalid("environmentId", missing.Message);
            }
        });
    }

    public async Task<IResult> ListAsync(string projectId, CancellationToken cancellationToken)
    {
        if (locator.Find(projectId) is not { } location)
            return RepositoryApi.UnknownProject(projectId);
        return await ApiCall.RunAsync(Roles.ViewProjects, location.Namespace, async () =>
        {
            var resources = kubernetes.In(location.Namespace);
            await resources.GetRequiredAsync<Project>(location.Name, cancellationToken);
            var mappings = await BranchMappingWriter.ListAsync(resources, location.Name, cancellationToken);
            return Results.Json(new BranchMappingListResponse(mappings.Select(From).ToList()));
        });
    }

    public static BranchMappingResponse From(BranchMapping mapping)
    {
        var ready = Conditions.Find(mapping.Status?.Conditions, ConditionTypes.Ready);
        return new BranchMappingResponse(mapping.Metadata.Name, mapping.Spec.Branch, mapping.Spec.EnvironmentRef?.Name, mapping.Spec.EnvironmentTemplate is not null,
            mapping.Status?.Environments?.Select(e => e.Name).ToList() ?? [], ready?.Status == ConditionStatus.True, ready?.Message, mapping.Status?.LastDeployment);
    }

    private static IResult? Validate(BranchMappingRequestBody? body)
    {
        if (body is null)
            return ApiProblems.Invalid("body", "send a JSON object: {\"branch\": \"main\", \"environmentId\": \"production\"}");
        if (string.IsNullOrWhiteSpace(body.Branch))
            return ApiProblems.Invalid("branch", "branch is required: a branch name such as main, or a glob such as feature/*");
        // The rest of the branch rules (git's ref-name rules, wildcards) are the CRD's; Kubernetes answers 422 naming spec.branch.
        if ((body.EnvironmentId is null) == (body.EnvironmentTemplate is null))
            return ApiProblems.Invalid("environmentId", "give exactly one of environmentId (an Environment's name) or environmentTemplate (one Environment per branch)");
        return null;
    }
}
