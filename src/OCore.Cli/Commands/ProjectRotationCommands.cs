using System.CommandLine;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.Projects;

namespace OCore.Cli.Commands;

/// <summary>
/// <c>ocore project reconfigure-webhook</c> and <c>ocore project regenerate-key</c>: set the action annotation to a new
/// value, wait until the operator reports it handled, and print the new secret or key.
/// </summary>
public static class ProjectRotationCommands
{
    public static Command ReconfigureWebhook() => Create(
        "reconfigure-webhook", "Generate a new webhook secret (the old one stays valid for a while) and print it",
        ProjectActions.ReconfigureWebhook,
        async (session, project, cancellationToken) =>
        {
            session.Output.WriteLine($"Project {project.Metadata.Name} has a new webhook secret; update it in the provider's webhook settings.");
            session.Output.WriteLine();
            await ProjectConnection.WriteWebhookAsync(session.Output, project, session.Resources, cancellationToken);
        });

    public static Command RegenerateKey() => Create(
        "regenerate-key", "Generate a new deploy key and print it (replace the old key in the repository)",
        ProjectActions.RegenerateDeployKey,
        (session, project, _) =>
        {
            session.Output.WriteLine($"Project {project.Metadata.Name} has a new deploy key; replace the old one in the repository.");
            session.Output.WriteLine();
            ProjectConnection.WriteDeployKey(session.Output, project);
            return Task.CompletedTask;
        });

    private static Command Create(string name, string description, ProjectAction action, Func<Session, Project, CancellationToken, Task> print)
    {
        var project = new Argument<string>("project") { Description = "The Project's name" };
        var waitTimeout = new Option<string>("--wait-timeout") { Description = "How long to wait for the operator", DefaultValueFactory = _ => "60s" };
        var command = new Command(name, description) { project, waitTimeout };
        CommandAction.Set(command, Roles.ManageProjects, async (result, session, cancellationToken) =>
        {
            var timeout = Durations.Parse(result.GetValue(waitTimeout)!, "--wait-timeout");
            var updated = await ProjectActions.RunAsync(session.Resources, result.GetValue(project)!, action, timeout, cancellationToken);

            if (session.Printer.IsMachineReadable)
                session.Printer.Write(updated);
            else
                await print(session, updated, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
