using System.CommandLine;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Runtime.Informers;
using k8s;

namespace OCore.Cli.Commands;

/// <summary><c>ocore deploy watch</c>: follows one Deployment with a watch until it succeeds (exit 0) or fails (exit 1).</summary>
public static class DeployWatchCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("deployment") { Description = "The Deployment's name (ocore deploy list shows them)" };
        var command = new Command("watch", "Follow a deployment step by step until it finishes") { name };
        CommandAction.Set(command, Roles.ViewProjects, async (result, session, cancellationToken) =>
        {
            var deploymentName = result.GetValue(name)!;
            var progress = new DeploymentProgress(session.Printer.IsMachineReadable ? TextWriter.Null : session.Output);
            var final = await FollowAsync(session.Resources, deploymentName, progress, cancellationToken);
            if (session.Printer.IsMachineReadable)
                session.Printer.Write(final);
            else
                session.Output.WriteLine(DeploymentProgress.Summary(final));
            return DeploymentProgress.Outcome(final)!.Value;
        });
        return command;
    }

    /// <summary>Lists once, then watches from that version; a closed watch resumes, an expired version lists again.</summary>
    private static async Task<Deployment> FollowAsync(OcoreResources resources, string name, DeploymentProgress progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var list = await resources.ListWithVersionAsync<Deployment>(cancellationToken);
            var current = list.Items.FirstOrDefault(d => d.Metadata.Name == name)
                ?? throw new CliException(ExitCodes.NotFound, $"Deployment {name} not found in namespace {resources.Namespace} (ocore deploy list shows them)");
            progress.Show(current);
            if (DeploymentProgress.Outcome(current) is not null)
                return current;

            var resourceVersion = list.ResourceVersion;
            try
            {
                while (true)
                {
                    await foreach (var (type, deployment) in resources.WatchAsync<Deployment>(resourceVersion, cancellationToken))
                    {
                        resourceVersion = deployment.Metadata.ResourceVersion ?? resourceVersion;
                        if (type == WatchEventType.Bookmark || deployment.Metadata.Name != name)
                            continue;
                        if (type == WatchEventType.Deleted)
                            throw new CliException(ExitCodes.Failed, $"Deployment {name} was deleted before it finished");
                        progress.Show(deployment);
                        if (DeploymentProgress.Outcome(deployment) is not null)
                            return deployment;
                    }
                }
            }
            catch (KubernetesApiException error) when (error.IsGone)
            {
                // The watch fell too far behind: list again.
            }
        }
    }
}
