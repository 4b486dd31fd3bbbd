using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.Environments;
using OCore.WebhookReceiver.Dashboard.Pages;
using OCore.WebhookReceiver.Dashboard.Views;

namespace OCore.WebhookReceiver.Dashboard.Screens;

/// <summary>Project › Environments.</summary>
internal static class EnvironmentScreen
{
    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapGet("/orgs/{ns}/projects/{project}/environments", (HttpContext context, DashboardKubernetes kubernetes, string ns, string project) =>
            Screen.RunAsync(context, Roles.ViewProjects, ns, async () =>
            {
                var resources = kubernetes.In(ns);
                await resources.GetRequiredAsync<Project>(project, context.RequestAborted);
                var environments = await EnvironmentQueries.ListForProjectAsync(resources, project, context.RequestAborted);
                var model = new EnvironmentsModel(ns, project, environments.Select(EnvironmentRow.From).ToList());
                var frame = PageFrames.For(context, $"{project} › Environments", ns, project, "environments");
                return await PageRenderer.PageAsync<EnvironmentsPage>(context, PageFrames.Parameters(frame, model));
            }));
}
