using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.Deployments;
using OCore.WebhookReceiver.Dashboard.Pages;
using OCore.WebhookReceiver.Dashboard.Streaming;
using OCore.WebhookReceiver.Dashboard.Views;

namespace OCore.WebhookReceiver.Dashboard.Screens;

/// <summary>
/// Deployments: a project's list, one Deployment's page, and its live progress as server-sent events. The stream
/// watches the Deployment with the person's own token and sends the progress HTML (the same component the page
/// renders) on every change, then <c>done</c> once it has finished.
/// </summary>
internal static class DeploymentScreen
{
    public const string ProgressEvent = "progress";
    public const string DoneEvent = "done";
    public const string HeartbeatEvent = "heartbeat";

    // Well under the 60 s after which common proxies close a silent response.
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(20);

    public static void Map(RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/orgs/{ns}/projects/{project}/deployments", ListAsync);
        dashboard.MapGet("/orgs/{ns}/deployments/{name}", ShowAsync);
        dashboard.MapGet("/orgs/{ns}/deployments/{name}/events", StreamAsync);
    }

    private static Task<IResult> ListAsync(HttpContext context, DashboardKubernetes kubernetes, string ns, string project) =>
        Screen.RunAsync(context, Roles.ViewProjects, ns, async () =>
        {
            var resources = kubernetes.In(ns);
            await resources.GetRequiredAsync<Project>(project, context.RequestAborted);
            var deployments = await DeploymentQueries.ListForProjectAsync(resources, project, context.RequestAborted);
            var model = new DeploymentsModel(ns, project, deployments.Select(DeploymentRow.From).ToList());
            var frame = PageFrames.For(context, $"{project} › Deployments", ns, project, "deployments");
            return await PageRenderer.PageAsync<DeploymentsPage>(context, PageFrames.Parameters(frame, model));
        });

    private static Task<IResult> ShowAsync(HttpContext context, DashboardKubernetes kubernetes, string ns, string name) =>
        Screen.RunAsync(context, Roles.ViewProjects, ns, async () =>
        {
            var deployment = await kubernetes.In(ns).GetRequiredAsync<Deployment>(name, context.RequestAborted);
            var model = DeploymentModel.From(deployment);
            var frame = PageFrames.For(context, $"Deployment {name}", ns, model.Project, "deployments");
            return await PageRenderer.PageAsync<DeploymentPage>(context, PageFrames.Parameters(frame, model));
        });

    private static Task<IResult> StreamAsync(HttpContext context, DashboardKubernetes kubernetes, string ns, string name) =>
        Screen.RunAsync(context, Roles.ViewProjects, ns, async () =>
        {
            // Read once before streaming, so a refusal or a missing Deployment is an ordinary error answer.
            await kubernetes.In(ns).GetRequiredAsync<Deployment>(name, context.RequestAborted);
            var events = Heartbeats.Merge(EventsAsync(context, kubernetes.In(ns), name, context.RequestAborted), HeartbeatInterval,
                new SseItem<string>("", HeartbeatEvent), context.RequestServices.GetRequiredService<TimeProvider>(), context.RequestAborted);
            return TypedResults.ServerSentEvents(events);
        });

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(HttpContext context, OcoreResources resources, string name,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var deployment in DeploymentQueries.FollowAsync(resources, name, cancellationToken))
        {
            var progress = DeploymentProgressModel.From(deployment);
            var html = await PageRenderer.HtmlAsync<DeploymentProgress>(context.RequestServices, new Dictionary<string, object?>(StringComparer.Ordinal) { ["Model"] = progress });
            yield return new SseItem<string>(html, ProgressEvent);
            if (progress.Finished)
            {
                yield return new SseItem<string>("finished", DoneEvent);
                yield break;
            }
        }
    }
}
