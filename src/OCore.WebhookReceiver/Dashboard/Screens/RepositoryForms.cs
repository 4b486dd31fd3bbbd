using Microsoft.Extensions.Options;
using OCore.Api.Git;
using OCore.Management;
using OCore.Management.Projects;
using OCore.WebhookReceiver.Dashboard.Views;

namespace OCore.WebhookReceiver.Dashboard.Screens;

/// <summary>The connect form (new project, or the repository settings of one): validate, write, wait briefly for the operator.</summary>
internal sealed class RepositoryForms(IOptions<DashboardOptions> options)
{
    public Task<IResult> ConnectAsync(HttpContext context, OcoreResources resources, string projectName)
    {
        var form = context.Request.Form;
        var url = form["url"].ToString().Trim();
        var branch = form["branch"].ToString().Trim();
        var provider = form["provider"].ToString();
        var knownHosts = form["knownHosts"].ToString();
        if (!RepositoryUrl.TryParse(url, out _, out var urlError))
            return Screen.ShowAsync(context, Failures.Invalid(urlError, resources.Namespace));
        if (branch.Length > 0 && GitRefs.BranchNameError(branch) is { } branchError)
            return Screen.ShowAsync(context, Failures.Invalid(branchError, resources.Namespace));
        if (provider.Length > 0 && !GitProviderNames.TryParse(provider, out _))
            return Screen.ShowAsync(context, Failures.Invalid("Pick GitHub, GitLab or Bitbucket.", resources.Namespace));

        var request = new RepositoryRequest(url, branch.Length == 0 ? null : branch, GitProviderNames.TryParse(provider, out var chosen) ? chosen : null, null, knownHosts);
        return Screen.RunAsync(context, Roles.ManageProjects, resources.Namespace, async () =>
        {
            var cancellationToken = context.RequestAborted;
            var (applied, _) = await RepositoryConnections.ApplyAsync(resources, projectName, request, cancellationToken);
            var page = DashboardPaths.Project(resources.Namespace, projectName);
            try
            {
                var project = await RepositoryConnections.WaitAsync(resources, applied, options.Value.OperatorWait, cancellationToken);
                return Results.Redirect(RepositoryConnections.BadSpec(project) is null ? DashboardPaths.WithNotice(page, Notices.Connected) : page);
            }
            catch (OperatorTimeoutException)
            {
                return Results.Redirect(DashboardPaths.WithNotice(page, Notices.ConnectPending));
            }
        });
    }
}
