using System.CommandLine;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.BranchMappings;

namespace OCore.Cli.Commands;

/// <summary><c>ocore project map-branch</c> and <c>ocore project branch-mappings</c>.</summary>
public static class BranchMappingCommands
{
    public static Command MapBranch()
    {
        var project = new Argument<string>("project") { Description = "The Project's name" };
        var branch = new Option<string>("--branch") { Description = "Branch name or glob (feature/*)", Required = true };
        var environment = new Option<string>("--environment") { Description = "The Environment pushes to the branch deploy to", Required = true };
        var command = new Command("map-branch", "Deploy pushes to a branch to an environment (creates or updates a BranchMapping)")
        {
            project, branch, environment,
        };
        CommandAction.Set(command, Roles.ManageProjects, async (result, session, cancellationToken) =>
        {
            var projectName = result.GetValue(project)!;
            var branchName = result.GetValue(branch)!;
            var environmentName = result.GetValue(environment)!;
            var (saved, created) = await BranchMappingWriter.ApplyAsync(session.Resources, projectName, branchName, environmentName, null, cancellationToken);

            if (session.Printer.IsMachineReadable)
                session.Printer.Write(saved);
            else
                session.Output.WriteLine($"BranchMapping {saved.Metadata.Name} {(created ? "created" : "updated")}: pushes to {branchName} deploy to {environmentName}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command List()
    {
        var project = new Argument<string>("project") { Description = "The Project's name" };
        var command = new Command("branch-mappings", "List which branches deploy to which environments") { project };
        CommandAction.Set(command, Roles.ViewProjects, async (result, session, cancellationToken) =>
        {
            var projectName = result.GetValue(project)!;
            await session.Resources.GetRequiredAsync<Project>(projectName, cancellationToken);
            var mappings = await BranchMappingWriter.ListAsync(session.Resources, projectName, cancellationToken);
            if (session.Printer.IsMachineReadable)
            {
                session.Printer.WriteList(mappings);
                return ExitCodes.Ok;
            }

            if (mappings.Count == 0)
            {
                session.Output.WriteLine($"Project {projectName} has no branch mappings; add one with: ocore project map-branch {projectName} --branch main --environment ENV");
                return ExitCodes.Ok;
            }

            var table = new TextTable("NAME", "BRANCH", "ENVIRONMENT", "READY", "MESSAGE");
            foreach (var mapping in mappings)
            {
                var ready = Conditions.Find(mapping.Status?.Conditions, ConditionTypes.Ready);
                table.Add(mapping.Metadata.Name, mapping.Spec.Branch, mapping.Spec.EnvironmentRef?.Name ?? "(one per branch)",
                    ready?.Status ?? ConditionStatus.Unknown, ready?.Message);
            }

            table.WriteTo(session.Output);
            return ExitCodes.Ok;
        });
        return command;
    }
}
