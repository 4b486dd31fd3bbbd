using Microsoft.Extensions.Options;
using OCore.Api.Git;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.Projects;
using OCore.WebhookReceiver.Api.Contracts;

namespace OCore.WebhookReceiver.Api;

/// <summary>
/// The spec's repository calls: connect (create or update the Project), read, reconfigure the webhook, regenerate the
/// deploy key. Each waits up to <see cref="ApiOptions.OperatorWait"/> for the operator, then answers 202 with what is
/// there so far.
/// </summary>
internal sealed class RepositoryApi(CallerKubernetes kubernetes, ProjectLocator locator, IOptions<ApiOptions> options)
{
    public async Task<IResult> ConnectAsync(string projectId, RepositoryRequestBody? body, CancellationToken cancellationToken)
    {
        if (locator.Find(projectId) is not { } location)
            return UnknownProject(projectId);
        if (Validate(body) is { } invalid)
            return invalid;

        GitProvider? provider = GitProviderNames.TryParse(body!.Provider?.ToLowerInvariant(), out var named) ? named : null;
        var request = new RepositoryRequest(body.RepositoryUrl!, body.Branch, provider, body.OdooVersion, body.KnownHosts);
        return await ApiCall.RunAsync(Roles.ManageProjects, location.Namespace, async () =>
        {
            var resources = kubernetes.In(location.Namespace);
            var (applied, created) = await RepositoryConnections.ApplyAsync(resources, location.Name, request, cancellationToken);
            var project = await WaitOrCurrentAsync(
                () => RepositoryConnections.WaitAsync(resources, applied, options.Value.OperatorWait, cancellationToken), resources, applied.Metadata.Name, cancellationToken);
            return await AnswerAsync(resources, project, connected => connected && created ? StatusCodes.Status201Created : connected ? StatusCodes.Status200OK : StatusCodes.Status202Accepted,
                cancellationToken);
        });
    }

    public async Task<IResult> GetAsync(string projectId, CancellationToken cancellationToken)
    {
        if (locator.Find(projectId) is not { } location)
            return UnknownProject(projectId);
        return await ApiCall.RunAsync(Roles.ViewProjects, location.Namespace, async () =>
        {
            var resources = kubernetes.In(location.Namespace);
            var project = await resources.GetRequiredAsync<Project>(location.Name, cancellationToken);
            return await AnswerAsync(resources, project, _ => StatusCodes.Status200OK, cancellationToken);
        });
    }

    public Task<IResult> ReconfigureWebhookAsync(string projectId, CancellationToken cancellationToken) =>
        RunActionAsync(projectId, ProjectActions.ReconfigureWebhook, cancellationToken);

    public Task<IResult> RegenerateKeyAsync(string projectId, CancellationToken cancellationToken) =>
        RunActionAsync(projectId, ProjectActions.RegenerateDeployKey, cancellationToken);

    private async Task<IResult> RunActionAsync(string projectId, ProjectAction action, CancellationToken cancellationToken)
    {
        if (locator.Find(projectId) is not { } location)
            return UnknownProject(projectId);
        return await ApiCall.RunAsync(Roles.ManageProjects, location.Namespace, async () =>
        {
            var resources = kubernetes.In(location.Namespace);
            try
            {
                var project = await ProjectActions.RunAsync(resources, location.Name, action, options.Value.OperatorWait, cancellationToken);
                return await AnswerAsync(resources, project, _ => StatusCodes.Status200OK, cancellationToken);
            }
            catch (OperatorTimeoutException)
            {
                // Requested, not done yet: the old key or secret is still the one in status, so none is shown.
                var project = await resources.GetRequiredAsync<Project>(location.Name, cancellationToken);
                return Results.Json(RepositoryAnswers.From(project, null) with
                {
                    State = "pending",
                    Message = $"requested ({action.Annotation}); the operator has not finished yet: GET the repository again in a moment",
                    Webhook = null,
                    DeployKey = null,
                }, statusCode: StatusCodes.Status202Accepted);
            }
        });
    }

    private static async Task<Project> WaitOrCurrentAsync(Func<Task<Project>> wait, OcoreResources resources, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await wait();
        }
        catch (OperatorTimeoutException)
        {
            return await resources.GetRequiredAsync<Project>(name, cancellationToken);
        }
    }

    private static async Task<IResult> AnswerAsync(OcoreResources resources, Project project, Func<bool, int> statusCode, CancellationToken cancellationToken)
    {
        var secret = project.Status?.Webhook?.Url is null ? null : await WebhookSecrets.ReadAsync(resources, project, cancellationToken);
        var answer = RepositoryAnswers.From(project, secret);
        return Results.Json(answer, statusCode: answer.State == "invalid" ? StatusCodes.Status422UnprocessableEntity : statusCode(answer.State == "connected"));
    }

    private static IResult? Validate(RepositoryRequestBody? body)
    {
        if (body is null)
            return ApiProblems.Invalid("body", "send a JSON object: {\"repositoryUrl\": \"git@github.com:acme/odoo-custom.git\", \"branch\": \"main\", \"provider\": \"github\"}");
        if (string.IsNullOrWhiteSpace(body.RepositoryUrl))
            return ApiProblems.Invalid("repositoryUrl", "repositoryUrl is required, e.g. git@github.com:acme/odoo-custom.git");
        if (!RepositoryUrl.TryParse(body.RepositoryUrl, out _, out var urlError))
            return ApiProblems.Invalid("repositoryUrl", urlError);
        if (body.Branch is not null && GitRefs.BranchNameError(body.Branch) is { } branchError)
            return ApiProblems.Invalid("branch", branchError);
        if (body.Provider is not null && !GitProviderNames.TryParse(body.Provider.ToLowerInvariant(), out _))
            return ApiProblems.Invalid("provider", $"provider must be github, gitlab or bitbucket, not '{body.Provider}'");
        return null;
    }

    public static IResult UnknownProject(string projectId) =>
        ApiProblems.NotFound($"no project '{projectId}': use the Project's status.projectId, or <namespace>.<name> (which also names a Project to create)");
}
