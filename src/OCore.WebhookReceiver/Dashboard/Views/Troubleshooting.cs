using OCore.Api.Git;
using OCore.Api.V1Alpha1;
using OCore.Management.Projects;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>
/// The spec's troubleshooting cases, detected from the resources' conditions and last delivery, each with its fix.
/// Pure: the pages pass in what they read. Actions that change something are offered only to those who may.
/// </summary>
internal static class Troubleshooting
{
    public static IReadOnlyList<Hint> ForProject(Project project, int mappings, bool canManage)
    {
        ArgumentNullException.ThrowIfNull(project);
        var ns = project.Metadata.NamespaceProperty;
        var name = project.Metadata.Name;
        var status = project.Status;
        var hints = new List<Hint>();

        if (RepositoryConnections.BadSpec(project) is { } bad)
            hints.Add(new("The repository is not connected", bad.Message + " Correct the repository settings below.", null));
        else if (!RepositoryConnections.IsConnected(project, project.Metadata.Generation))
            hints.Add(new("The repository is not connected yet", "The operator has not created the deploy key and webhook for the current settings. Reload in a moment.",
                new("Reload", DashboardPaths.Project(ns, name), false)));

        if (status?.Webhook?.LastDelivery?.Result is { } result && result.StartsWith("401", StringComparison.Ordinal))
        {
            hints.Add(new("Webhook returns 401 Unauthorized",
                $"The last delivery was refused ({result}). The webhook secret does not match: regenerate it with Reconfigure Webhook, then paste it exactly (no trailing whitespace). Check that the URL holds this project's id ({status.ProjectId}).",
                canManage ? new("Reconfigure Webhook", DashboardPaths.ProjectAction(ns, name, "reconfigure-webhook"), true) : null));
        }

        if (Conditions.Find(status?.Conditions, ConditionTypes.RepositoryAccessible) is { Status: ConditionStatus.False } access)
        {
            hints.Add(new("Deploy key rejected by Git provider",
                $"{access.Message} Regenerate the deploy key, add the new key to the repository's deploy key settings (read access is enough).",
                canManage ? new("Regenerate Key", DashboardPaths.ProjectAction(ns, name, "regenerate-key"), true) : null));
        }

        var unmapped = status?.Webhook?.LastDelivery?.Result is { } last && last.Contains("has no mapping", StringComparison.Ordinal);
        if (mappings == 0 || unmapped)
        {
            hints.Add(new("Push to branch does not trigger deployment",
                mappings == 0 ? "No branch mapping exists for this project, so pushes are acknowledged and ignored. Map a branch to an environment."
                    : $"The last push was not deployed: {status!.Webhook!.LastDelivery!.Result}. Check that a mapping covers the branch, and that the webhook sends push events.",
                new("Check branch mappings", DashboardPaths.BranchMappings(ns, name), false)));
        }

        if ((status?.Provider ?? project.Spec.Repository.Provider) == GitProvider.GitHub
            && Conditions.Find(status?.Conditions, ConditionTypes.GitHubAppRouted) is { Status: ConditionStatus.False } routed
            && routed.Reason is not ("NoInstallation" or "AppNotConfigured"))
        {
            hints.Add(new("GitHub App not showing repositories", $"{routed.Message} Check the installation's account and its repository permissions.",
                new("GitHub App settings", DashboardPaths.GitHubApp(ns), false)));
        }

        return hints;
    }

    /// <summary>A failed Deployment: a clone problem gets the deploy key fix; every failure points at its step's output.</summary>
    public static IReadOnlyList<Hint> ForDeployment(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (deployment.Status?.Phase != DeploymentPhase.Failed)
            return [];
        var failed = deployment.Status.Steps?.FirstOrDefault(s => s.State == StepState.Failed);
        var ns = deployment.Metadata.NamespaceProperty;
        var project = deployment.Spec.ProjectRef.Name;
        if (failed is not null && IsCloneFailure(failed))
        {
            return [new("Deployment triggered but fails at clone step",
                $"{failed.Name} could not read the repository. The deploy key may have been revoked or removed from the repository, the repository may be private and the key lack access, or the Git server is unreachable. The step output below has the Git error.",
                new("Regenerate the deploy key", DashboardPaths.Project(ns, project) + "#deploy-key", false))];
        }

        return [new($"The {failed?.Name ?? "deployment"} step failed", "Its output is below. Fix the cause and push again.", null)];
    }

    /// <summary>"GitHub App not showing repositories": where to check the account and permissions, and reinstalling.</summary>
    public static IReadOnlyList<Hint> ForGitHubApp(IReadOnlyList<InstallationRow> installations, string? installUrl)
    {
        ArgumentNullException.ThrowIfNull(installations);
        if (!installations.Any(i => i.Linked))
            return [];
        var accounts = string.Join(", ", installations.Where(i => i.Linked && i.Account is not null).Select(i => i.Account));
        return [new("GitHub App not showing repositories?",
            $"Check that the App is installed on the GitHub account that owns the repository (linked: {(accounts.Length == 0 ? "none verified yet" : accounts)}); verify its repository permissions (link per installation below); reinstall the App if repositories are missing.",
            installUrl is null ? null : new("Reinstall the GitHub App", installUrl, false))];
    }

    private static bool IsCloneFailure(DeploymentStep step) =>
        step.Name is "Prepare" or "Build"
        && step.Message is { } message
        && new[] { "Permission denied", "publickey", "Could not read from remote", "authentication", "Host key verification failed", "could not connect", "Connection refused", "clone" }
            .Any(marker => message.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
