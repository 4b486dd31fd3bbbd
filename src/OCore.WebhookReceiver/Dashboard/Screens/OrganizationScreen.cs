using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.Organizations;
using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.Dashboard.Pages;
using OCore.WebhookReceiver.Dashboard.Views;

namespace OCore.WebhookReceiver.Dashboard.Screens;

/// <summary>Organizations (namespaces) and an organization's projects, with the connect form.</summary>
internal static partial class OrganizationScreen
{
    public static void Map(RouteGroupBuilder dashboard, RouteGroupBuilder forms)
    {
        dashboard.MapGet("/orgs", ListAsync);
        dashboard.MapGet("/orgs/open", (string? @namespace) =>
            @namespace is not null && DnsLabel().IsMatch(@namespace) ? Results.Redirect(DashboardPaths.Organization(@namespace)) : Results.Redirect(DashboardPaths.Organizations));
        dashboard.MapGet("/orgs/{ns}", ProjectsAsync);
        forms.MapPost("/orgs/{ns}/projects", ConnectAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, DashboardKubernetes kubernetes, IOptions<ClusterOptions> cluster)
    {
        var served = cluster.Value.WatchNamespace;
        var namespaces = string.IsNullOrEmpty(served) ? await NamespaceQueries.ListVisibleAsync(kubernetes.Client, context.RequestAborted) : [served];
        var frame = PageFrames.For(context, "Organizations");
        return await PageRenderer.PageAsync<OrganizationsPage>(context, PageFrames.Parameters(frame, new OrganizationsModel(namespaces, served)));
    }

    private static Task<IResult> ProjectsAsync(HttpContext context, DashboardKubernetes kubernetes, string ns) =>
        Screen.RunAsync(context, Roles.ViewProjects, ns, async () =>
        {
            var projects = await kubernetes.In(ns).ListAsync<Project>(context.RequestAborted);
            var canCreate = await Access.CanAsync(kubernetes.Client, ns, Access.OcoreGroup, "projects", "create", null, context.RequestAborted);
            var model = new ProjectsModel(ns, projects.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).Select(ProjectRow.From).ToList(), canCreate);
            return await PageRenderer.PageAsync<ProjectsPage>(context, PageFrames.Parameters(PageFrames.For(context, "Projects", ns, tab: "projects"), model));
        });

    private static Task<IResult> ConnectAsync(HttpContext context, DashboardKubernetes kubernetes, RepositoryForms forms, string ns)
    {
        var name = context.Request.Form["project"].ToString().Trim();
        if (!DnsLabel().IsMatch(name))
            return Screen.ShowAsync(context, Failures.Invalid("The project name must be a DNS label: lower-case letters, digits and '-', e.g. odoo-custom.", ns));
        return forms.ConnectAsync(context, kubernetes.In(ns), name);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
