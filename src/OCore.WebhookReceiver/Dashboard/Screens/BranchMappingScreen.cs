using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.BranchMappings;
using OCore.Management.Environments;
using OCore.WebhookReceiver.Dashboard.Pages;
using OCore.WebhookReceiver.Dashboard.Views;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.WebhookReceiver.Dashboard.Screens;

/// <summary>Project › Branch mappings: list, add, remove, and the spec's strategy presets.</summary>
internal static class BranchMappingScreen
{
    public static void Map(RouteGroupBuilder dashboard, RouteGroupBuilder forms)
    {
        dashboard.MapGet("/orgs/{ns}/projects/{project}/branch-mappings", ShowAsync);
        forms.MapPost("/orgs/{ns}/projects/{project}/branch-mappings", AddAsync);
        forms.MapPost("/orgs/{ns}/projects/{project}/branch-mappings/remove", RemoveAsync);
        forms.MapPost("/orgs/{ns}/projects/{project}/branch-mappings/preset", PresetAsync);
    }

    private static Task<IResult> ShowAsync(HttpContext context, DashboardKubernetes kubernetes, string ns, string project) =>
        Screen.RunAsync(context, Roles.ViewProjects, ns, async () =>
        {
            var cancellationToken = context.RequestAborted;
            var resources = kubernetes.In(ns);
            await resources.GetRequiredAsync<Project>(project, cancellationToken);
            var mappings = await BranchMappingWriter.ListAsync(resources, project, cancellationToken);
            var environments = await EnvironmentQueries.ListForProjectAsync(resources, project, cancellationToken);
            var canManage = await Access.CanAsync(kubernetes.Client, ns, Access.OcoreGroup, "branchmappings", "create", null, cancellationToken);
            var model = new BranchMappingsModel(ns, project, mappings.Select(MappingRow.From).ToList(),
                environments.Where(e => !EnvironmentQueries.IsPerBranch(e)).Select(e => e.Metadata.Name).ToList(), StrategyPreset.All, canManage);
            var frame = PageFrames.For(context, $"{project} › Branch mappings", ns, project, "branch-mappings");
            return await PageRenderer.PageAsync<BranchMappingsPage>(context, PageFrames.Parameters(frame, model));
        });

    private static Task<IResult> AddAsync(HttpContext context, DashboardKubernetes kubernetes, string ns, string project)
    {
        var form = context.Request.Form;
        var branch = form["branch"].ToString().Trim();
        var environment = form["environment"].ToString();
        var perBranch = form["target"].ToString() == "per-branch";
        if (branch.Length == 0)
            return Screen.ShowAsync(context, Failures.Invalid("Name a branch (main) or a glob (feature/*).", ns));
        if (environment.Length == 0)
            return Screen.ShowAsync(context, Failures.Invalid("Pick an environment; create one first if the list is empty.", ns));
        return Screen.RunAsync(context, Roles.ManageProjects, ns, async () =>
        {
            var resources = kubernetes.In(ns);
            var template = perBranch ? BranchTemplates.From(await resources.GetRequiredAsync<Environment>(environment, context.RequestAborted)) : null;
            await BranchMappingWriter.ApplyAsync(resources, project, branch, perBranch ? null : environment, template, context.RequestAborted);
            return Results.Redirect(DashboardPaths.WithNotice(DashboardPaths.BranchMappings(ns, project), Notices.MappingSaved));
        });
    }

    private static Task<IResult> RemoveAsync(HttpContext context, DashboardKubernetes kubernetes, string ns, string project)
    {
        var branch = context.Request.Form["branch"].ToString();
        return Screen.RunAsync(context, Roles.ManageProjects, ns, async () =>
        {
            await BranchMappingWriter.RemoveAsync(kubernetes.In(ns), project, branch, context.RequestAborted);
            return Results.Redirect(DashboardPaths.WithNotice(DashboardPaths.BranchMappings(ns, project), Notices.MappingRemoved));
        });
    }

    private static Task<IResult> PresetAsync(HttpContext context, DashboardKubernetes kubernetes, string ns, string project)
    {
        if (StrategyPreset.Find(context.Request.Form["preset"].ToString()) is not { } preset)
            return Screen.ShowAsync(context, Failures.Invalid("Pick one of the strategies Simple, Staging, Full or Feature.", ns));
        return Screen.RunAsync(context, Roles.ManageProjects, ns, async () =>
        {
            var resources = kubernetes.In(ns);
            var environments = await EnvironmentQueries.ListForProjectAsync(resources, project, context.RequestAborted);
            var (mappings, missing) = StrategyPlans.Plan(preset, environments);
            if (missing.Count > 0)
            {
                var stages = string.Join(", ", missing.Select(s => s.ToString().ToLowerInvariant()));
                return await Screen.ShowAsync(context, Failures.Invalid($"The {preset.Name} strategy needs an environment of stage {stages} for project {project}; create it first (Environments), then apply the strategy.", ns));
            }

            foreach (var mapping in mappings)
                await BranchMappingWriter.ApplyAsync(resources, project, mapping.Branch, mapping.EnvironmentName, mapping.Template, context.RequestAborted);
            return Results.Redirect(DashboardPaths.WithNotice(DashboardPaths.BranchMappings(ns, project), Notices.PresetApplied));
        });
    }
}
