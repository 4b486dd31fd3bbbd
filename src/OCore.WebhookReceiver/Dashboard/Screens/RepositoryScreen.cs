using Microsoft.Extensions.Options;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.BranchMappings;
using OCore.Management.Projects;
using OCore.WebhookReceiver.Dashboard.Pages;
using OCore.WebhookReceiver.Dashboard.Views;

namespace OCore.WebhookReceiver.Dashboard.Screens;

/// <summary>Project › Repository: read, reveal the webhook secret on request, reconfigure the webhook, regenerate the key, edit.</summary>
internal static class RepositoryScreen
{
    public static void Map(RouteGroupBuilder dashboard, RouteGroupBuilder forms)
    {
        dashboard.MapGet("/orgs/{ns}/projects/{project}", (HttpContext context, DashboardKubernetes kubernetes, string ns, string project) =>
            Screen.RunAsync(context, Roles.ViewProjects, ns, () => ShowAsync(context, kubernetes, ns, project, reveal: false)));
        forms.MapPost("/orgs/{ns}/projects/{project}/reveal-secret", (HttpContext context, DashboardKubernetes kubernetes, string ns, string project) =>
            Screen.RunAsync(context, Roles.ViewProjects, ns, () => ShowAsync(context, kubernetes, ns, project, reveal: true)));
        forms.MapPost("/orgs/{ns}/projects/{project}/repository", (HttpContext context, DashboardKubernetes kubernetes, RepositoryForms repository, string ns, string project) =>
            repository.ConnectAsync(context, kubernetes.In(ns), project));
        forms.MapPost("/orgs/{ns}/projects/{project}/reconfigure-webhook", (HttpContext context, DashboardKubernetes kubernetes, IOptions<DashboardOptions> options, string ns, string project) =>
            RunActionAsync(context, kubernetes, options.Value, ns, project, ProjectActions.ReconfigureWebhook, Notices.WebhookReconfigured));
        forms.MapPost("/orgs/{ns}/projects/{project}/regenerate-key", (HttpContext context, DashboardKubernetes kubernetes, IOptions<DashboardOptions> options, string ns, string project) =>
            RunActionAsync(context, kubernetes, options.Value, ns, project, ProjectActions.RegenerateDeployKey, Notices.KeyRegenerated));
    }

    private static async Task<IResult> ShowAsync(HttpContext context, DashboardKubernetes kubernetes, string ns, string name, bool reveal)
    {
        var cancellationToken = context.RequestAborted;
        var resources = kubernetes.In(ns);
        var project = await resources.GetRequiredAsync<Project>(name, cancellationToken);
        var mappings = BranchMappingWriter.ListAsync(resources, name, cancellationToken);
        var canManage = Access.CanAsync(kubernetes.Client, ns, Access.OcoreGroup, "projects", "update", name, cancellationToken);
        var canReadSecret = Access.CanAsync(kubernetes.Client, ns, "", "secrets", "get", WebhookSecrets.SecretName(project), cancellationToken);
        await Task.WhenAll(mappings, canManage, canReadSecret);

        // The secret is read only when asked for, and only shown when Kubernetes let this person read it.
        var secret = reveal && canReadSecret.Result ? await WebhookSecrets.ReadAsync(resources, project, cancellationToken) : null;
        var model = RepositoryViews.From(project, mappings.Result.Count, canManage.Result, canReadSecret.Result, secret, reveal && secret is null);
        var frame = PageFrames.For(context, $"{name} › Repository", ns, name, "repository");
        return await PageRenderer.PageAsync<RepositoryPage>(context, PageFrames.Parameters(frame, model));
    }

    private static Task<IResult> RunActionAsync(HttpContext context, DashboardKubernetes kubernetes, DashboardOptions options, string ns, string name,
        ProjectAction action, string notice) =>
        Screen.RunAsync(context, Roles.ManageProjects, ns, async () =>
        {
            var page = DashboardPaths.Project(ns, name);
            try
            {
                await ProjectActions.RunAsync(kubernetes.In(ns), name, action, options.OperatorWait, context.RequestAborted);
                return Results.Redirect(DashboardPaths.WithNotice(page, notice));
            }
            catch (OperatorTimeoutException)
            {
                return Results.Redirect(DashboardPaths.WithNotice(page, Notices.ActionPending));
            }
        });
}
