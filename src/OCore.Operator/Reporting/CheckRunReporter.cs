using System.Text;
using OCore.Api.Git;
using OCore.Api.V1Alpha1;
using OCore.GitProviders;
using OCore.GitProviders.GitHubApp;
using OCore.Operator.GitHubApp;
using OCore.Runtime.Informers;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Reporting;

/// <summary>
/// Reports a deployment as a GitHub check run (<c>oCore / &lt;environment&gt;</c>) through the installation the project is
/// routed to: created on the first phase change, updated on every later one, completed with the outcome and a
/// summary of the steps. A project the App does not serve reports nothing here (commit statuses cover it).
/// GitHub being unavailable never fails a deployment.
/// </summary>
public sealed class CheckRunReporter(GitHubAppConnection app, ResourceCache<GitHubInstallation> installations, ILogger<CheckRunReporter> logger)
{
    /// <summary>Creates or updates the check run; returns its id (to keep in status), or the known one when nothing was sent.</summary>
    public async Task<long?> ReportAsync(Project project, Deployment deployment, Environment? environment, DeploymentStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(status);
        if (project.Status?.GithubApp?.InstallationRef is not { } reference
            || installations.Get(project.Metadata.NamespaceProperty, reference.Name) is not { } installation
            || !RepositoryUrl.TryParse(project.Spec.Repository.Url, out var repository, out _))
            return status.CheckRunId;
        var lookup = await app.GetAsync(cancellationToken);
        if (lookup.Client is not { } client)
            return status.CheckRunId;

        var completed = status.Phase is DeploymentPhase.Succeeded or DeploymentPhase.Failed or DeploymentPhase.Superseded;
        var url = environment?.Status?.Url is { } serving ? new Uri(serving) : null;
        var output = Output(deployment, status, environment?.Status?.Url);
        try
        {
            if (status.CheckRunId is not { } id)
            {
                var created = await client.CreateCheckRunAsync(installation.Spec.InstallationId, repository.Owner, repository.Name, new NewCheckRun
                {
                    Name = $"oCore / {deployment.Spec.EnvironmentRef.Name}",
                    HeadSha = deployment.Spec.Commit,
                    Status = completed ? CheckRunStatus.Completed : CheckRunStatus.InProgress,
                    Conclusion = completed ? Conclusion(status.Phase) : null,
                    ExternalId = deployment.Metadata.Name,
                    DetailsUrl = url,
                    StartedAt = status.StartedAt,
                    CompletedAt = completed ? status.FinishedAt : null,
                    Output = output,
                }, cancellationToken);
                return created.Id;
            }

            await client.UpdateCheckRunAsync(installation.Spec.InstallationId, repository.Owner, repository.Name, id, new CheckRunUpdate
            {
                Status = completed ? CheckRunStatus.Completed : CheckRunStatus.InProgress,
                Conclusion = completed ? Conclusion(status.Phase) : null,
                DetailsUrl = url,
                CompletedAt = completed ? status.FinishedAt : null,
                Output = output,
            }, cancellationToken);
            return id;
        }
        catch (GitProviderException error)
        {
            logger.LogWarning("Check run for {Deployment} not reported: {Message}", deployment.Metadata.Name, error.Message);
            return status.CheckRunId;
        }
    }

    private static CheckRunConclusion Conclusion(DeploymentPhase? phase) => phase switch
    {
        DeploymentPhase.Succeeded => CheckRunConclusion.Success,
        DeploymentPhase.Superseded => CheckRunConclusion.Cancelled,
        _ => CheckRunConclusion.Failure,
    };

    /// <summary>A title and a step table a person reads on the commit.</summary>
    private static CheckRunOutput Output(Deployment deployment, DeploymentStatus status, string? url)
    {
        var title = status.Phase switch
        {
            DeploymentPhase.Succeeded => $"Deployed to {deployment.Spec.EnvironmentRef.Name}",
            DeploymentPhase.Failed => $"Deployment to {deployment.Spec.EnvironmentRef.Name} failed",
            DeploymentPhase.Superseded => "Superseded by a newer deployment",
            _ => $"Deploying to {deployment.Spec.EnvironmentRef.Name}",
        };
        var summary = new StringBuilder($"Deployment `{deployment.Metadata.Name}` of `{deployment.Spec.Branch}` at `{deployment.Spec.Commit[..12]}`");
        if (url is not null)
            summary.Append($" — [{url}]({url})");
        summary.Append("\n\n| Step | State | Details |\n| --- | --- | --- |\n");
        foreach (var step in status.Steps ?? [])
            summary.Append($"| {step.Name} | {step.State} | {(step.Message ?? "").Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        return new CheckRunOutput(title, summary.ToString());
    }
}
