using System.CommandLine;
using System.Net;
using OCore.Api.V1Alpha1;
using OCore.Management;
using k8s.Autorest;

namespace OCore.Cli.Commands;

/// <summary><c>ocore deploy</c>: start a deployment by hand, list them, follow one.</summary>
public static class DeployCommand
{
    public static Command Create() => new("deploy", "Trigger, list and follow deployments")
    {
        Trigger(),
        List(),
        DeployWatchCommand.Create(),
    };

    private static Command Trigger()
    {
        var project = new Argument<string>("project") { Description = "The Project's name" };
        var branch = new Option<string>("--branch") { Description = "The branch the commit is on", Required = true };
        var commit = new Option<string?>("--commit") { Description = "The full commit id to deploy (ocore has no git access: git rev-parse origin/BRANCH)" };
        var environment = new Option<string?>("--environment") { Description = "Deploy here instead of where the project's branch mappings send the branch" };
        var command = new Command("trigger", "Deploy a commit now (a manual deployment)") { project, branch, commit, environment };
        CommandAction.Set(command, Roles.ManageProjects, async (result, session, cancellationToken) =>
        {
            var projectName = result.GetValue(project)!;
            var branchName = result.GetValue(branch)!;
            var sha = result.GetValue(commit)
                ?? throw new CliException(ExitCodes.Usage,
                    $"--commit is required: ocore has no git access to find the head of {branchName}; pass --commit $(git rev-parse origin/{branchName})");
            await session.Resources.GetRequiredAsync<Project>(projectName, cancellationToken);
            var mappings = await session.Resources.ListAsync<BranchMapping>(cancellationToken);
            var deployment = ManualDeployment.Build(session.Namespace, projectName, branchName, sha, result.GetValue(environment), mappings);

            Deployment created;
            try
            {
                created = await session.Resources.CreateAsync(deployment, cancellationToken);
            }
            catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict)
            {
                throw new CliException(ExitCodes.Failed,
                    $"Deployment {deployment.Metadata.Name} already exists: commit {sha[..12]} was already deployed to {deployment.Spec.EnvironmentRef.Name}; follow it with: ocore deploy watch {deployment.Metadata.Name} -n {session.Namespace}");
            }

            if (session.Printer.IsMachineReadable)
                session.Printer.Write(created);
            else
                session.Output.WriteLine($"""
                    Deployment {created.Metadata.Name} created: {branchName} at {sha[..12]} to environment {created.Spec.EnvironmentRef.Name}.
                    Follow it with: ocore deploy watch {created.Metadata.Name} -n {session.Namespace}
                    """);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var project = new Option<string?>("--project") { Description = "Only this Project's deployments" };
        var command = new Command("list", "List deployments, newest first") { project };
        CommandAction.Set(command, Roles.ViewProjects, async (result, session, cancellationToken) =>
        {
            var projectName = result.GetValue(project);
            var deployments = (await session.Resources.ListAsync<Deployment>(cancellationToken))
                .Where(d => projectName is null || d.Spec.ProjectRef.Name == projectName)
                .OrderByDescending(d => d.Metadata.CreationTimestamp)
                .ThenBy(d => d.Metadata.Name, StringComparer.Ordinal)
                .ToList();
            if (session.Printer.IsMachineReadable)
            {
                session.Printer.WriteList(deployments);
                return ExitCodes.Ok;
            }

            if (deployments.Count == 0)
            {
                session.Output.WriteLine($"No deployments in namespace {session.Namespace}{(projectName is null ? "" : " for Project " + projectName)}.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("NAME", "PROJECT", "ENVIRONMENT", "BRANCH", "COMMIT", "PHASE", "AGE");
            foreach (var deployment in deployments)
                table.Add(deployment.Metadata.Name, deployment.Spec.ProjectRef.Name, deployment.Spec.EnvironmentRef.Name, deployment.Spec.Branch,
                    deployment.Spec.Commit[..Math.Min(12, deployment.Spec.Commit.Length)], (deployment.Status?.Phase ?? DeploymentPhase.Pending).ToString(),
                    Age(deployment.Metadata.CreationTimestamp));
            table.WriteTo(session.Output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Age(DateTime? created)
    {
        if (created is null)
            return "";
        var age = DateTime.UtcNow - created.Value.ToUniversalTime();
        return age.TotalMinutes < 1 ? $"{Math.Max(0, (int)age.TotalSeconds)}s"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes}m"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
