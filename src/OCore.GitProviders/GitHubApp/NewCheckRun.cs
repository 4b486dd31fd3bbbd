namespace OCore.GitProviders.GitHubApp;

/// <summary>A check run to create on a commit (<c>POST /repos/{owner}/{repo}/check-runs</c>).</summary>
public sealed record NewCheckRun
{
    public required string Name { get; init; }

    public required string HeadSha { get; init; }

    public CheckRunStatus Status { get; init; } = CheckRunStatus.Queued;

    /// <summary>Required when <see cref="Status"/> is <see cref="CheckRunStatus.Completed"/>.</summary>
    public CheckRunConclusion? Conclusion { get; init; }

    /// <summary>Where "Details" links to, such as the deployment's page.</summary>
    public Uri? DetailsUrl { get; init; }

    /// <summary>The caller's own id for the run (for example the Deployment's name).</summary>
    public string? ExternalId { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public CheckRunOutput? Output { get; init; }
}
