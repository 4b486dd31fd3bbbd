using System.CommandLine;
using OCore.Api.Git;
using OCore.Management;
using OCore.Management.Projects;

namespace OCore.Cli.Commands;

/// <summary><c>ocore project connect-repo</c>: creates or updates the Project and prints its deploy key and webhook.</summary>
public static class ConnectRepoCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "The Project's name" };
        var url = new Option<string>("--url") { Description = "Repository address, e.g. git@github.com:acme/odoo-custom.git", Required = true };
        var branch = new Option<string?>("--branch") { Description = "The default branch (main when the Project is created)" };
        var provider = new Option<GitProvider?>("--provider") { Description = "github, gitlab or bitbucket; inferred for github.com, gitlab.com and bitbucket.org" };
        var odooVersion = new Option<string?>("--odoo-version") { Description = "Odoo series (18.0 when the Project is created)" };
        var knownHosts = new Option<FileInfo?>("--known-hosts") { Description = "A self-hosted Git server's SSH host keys: a known_hosts file (checked ssh-keyscan output)" };
        var waitTimeout = new Option<string>("--wait-timeout") { Description = "How long to wait for the operator", DefaultValueFactory = _ => "60s" };
        var command = new Command("connect-repo", "Connect a Git repository: creates or updates the Project, then prints the deploy key and webhook to add")
        {
            project, url, branch, provider, odooVersion, knownHosts, waitTimeout,
        };
        CommandAction.Set(command, Roles.ManageProjects, async (result, session, cancellationToken) =>
        {
            var timeout = Durations.Parse(result.GetValue(waitTimeout)!, "--wait-timeout");
            var name = result.GetValue(project)!;
            var hosts = result.GetValue(knownHosts) is { } file
                ? (file.Exists ? await File.ReadAllTextAsync(file.FullName, cancellationToken) : throw new CliException(ExitCodes.Usage, $"--known-hosts: no file {file.FullName}"))
                : null;
            var request = new RepositoryRequest(result.GetValue(url)!, result.GetValue(branch), result.GetValue(provider), result.GetValue(odooVersion), hosts);
            var (applied, _) = await RepositoryConnections.ApplyAsync(session.Resources, name, request, cancellationToken);
            var connected = await RepositoryConnections.WaitAsync(session.Resources, applied, timeout, cancellationToken);
            if (RepositoryConnections.BadSpec(connected) is { } problem)
                throw new CliException(ExitCodes.Failed, $"Project {name} cannot be connected: {problem.Message}");

            if (session.Printer.IsMachineReadable)
            {
                session.Printer.Write(connected);
                return ExitCodes.Ok;
            }

            session.Output.WriteLine($"Project {name} is connected to {connected.Spec.Repository.Url} ({(connected.Status?.Provider is { } connectedBy ? GitProviderNames.Of(connectedBy) : null)}).");
            session.Output.WriteLine();
            ProjectConnection.WriteDeployKey(session.Output, connected);
            session.Output.WriteLine();
            await ProjectConnection.WriteWebhookAsync(session.Output, connected, session.Resources, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
