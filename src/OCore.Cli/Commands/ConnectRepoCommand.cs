using System.CommandLine;
using k8s.Models;
using OCore.Api.Git;
using OCore.Api.V1Alpha1;

namespace OCore.Cli.Commands;

/// <summary><c>ocore project connect-repo</c>: creates or updates the Project and prints its deploy key and webhook.</summary>
public static class ConnectRepoCommand
{
    /// <summary>Ready reasons of a spec the operator will not retry until it is edited.</summary>
    private static readonly HashSet<string> BadSpecReasons = ["InvalidRepositoryURL", "ProviderRequired"];

    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "The Project's name" };
        var url = new Option<string>("--url") { Description = "Repository address, e.g. git@github.com:acme/odoo-custom.git", Required = true };
        var branch = new Option<string?>("--branch") { Description = "The default branch (main when the Project is created)" };
        var provider = new Option<GitProvider?>("--provider") { Description = "github, gitlab or bitbucket; inferred for github.com, gitlab.com and bitbucket.org" };
        var odooVersion = new Option<string?>("--odoo-version") { Description = "Odoo series (18.0 when the Project is created)" };
        var waitTimeout = new Option<string>("--wait-timeout") { Description = "How long to wait for the operator", DefaultValueFactory = _ => "60s" };
        var command = new Command("connect-repo", "Connect a Git repository: creates or updates the Project, then prints the deploy key and webhook to add")
        {
            project, url, branch, provider, odooVersion, waitTimeout,
        };
        CommandAction.Set(command, Roles.ManageProjects, async (result, session, cancellationToken) =>
        {
            var timeout = Durations.Parse(result.GetValue(waitTimeout)!, "--wait-timeout");
            var name = result.GetValue(project)!;
            var applied = await ApplyAsync(session.Resources, name, result.GetValue(url)!, result.GetValue(branch), result.GetValue(provider),
                result.GetValue(odooVersion), cancellationToken);
            var connected = await Polling.UntilAsync(() => session.Resources.GetRequiredAsync<Project>(name, cancellationToken),
                p => IsConnected(p, applied.Metadata.Generation) || BadSpec(p) is not null, timeout,
                $"the operator to connect Project {name}", cancellationToken);
            if (BadSpec(connected) is { } problem)
                throw new CliException(ExitCodes.Failed, $"Project {name} cannot be connected: {problem.Message}");

            if (session.Printer.IsMachineReadable)
            {
                session.Printer.Write(connected);
                return ExitCodes.Ok;
            }

            session.Output.WriteLine($"Project {name} is connected to {connected.Spec.Repository.Url} ({connected.Status?.Provider.ToString()?.ToLowerInvariant()}).");
            session.Output.WriteLine();
            ProjectConnection.WriteDeployKey(session.Output, connected);
            session.Output.WriteLine();
            await ProjectConnection.WriteWebhookAsync(session.Output, connected, session.Resources, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Project> ApplyAsync(OcoreResources resources, string name, string url, string? branch, GitProvider? provider,
        string? odooVersion, CancellationToken cancellationToken)
    {
        const int attempts = 3; // an update can race the operator's finalizer or another user: read again and retry
        for (var attempt = 1; ; attempt++)
        {
            var existing = await resources.GetAsync<Project>(name, cancellationToken);
            var project = existing ?? new Project { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = resources.Namespace } };
            project.Spec.Repository.Url = url;
            project.Spec.Repository.Branch = branch ?? project.Spec.Repository.Branch ?? "main";
            project.Spec.Repository.Provider = provider ?? project.Spec.Repository.Provider;
            project.Spec.Odoo.Version = odooVersion ?? (project.Spec.Odoo.Version.Length > 0 ? project.Spec.Odoo.Version : "18.0");
            project.Status = null;
            try
            {
                return existing is null
                    ? await resources.CreateAsync(project, cancellationToken)
                    : await resources.ReplaceAsync(project, name, cancellationToken);
            }
            catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < attempts)
            {
                // Someone else wrote the Project in between; apply the options to the new version.
            }
        }
    }

    private static bool IsConnected(Project project, long? generation) =>
        project.Status is { Webhook.Url: not null, DeployKey.PublicKey: not null } status && status.ObservedGeneration >= generation;

    private static Condition? BadSpec(Project project) =>
        Conditions.Find(project.Status?.Conditions, ConditionTypes.Ready) is { Status: ConditionStatus.False } ready
        && BadSpecReasons.Contains(ready.Reason) && project.Status!.ObservedGeneration == project.Metadata.Generation
            ? ready
            : null;
}
