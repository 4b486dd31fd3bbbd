namespace OCore.GitProviders.GitHubApp;

/// <summary>Changes to a check run (<c>PATCH /repos/{owner}/{repo}/check-runs/{id}</c>); null fields are left as they are.</summary>
public sealed record CheckRunUpdate
{
    public string? Name { get; init; }

    public CheckRunStatus? Status { get; init; }

    /// <summary>Setting a conclusion completes the run.</summary>
    public CheckRunConclusion? Conclusion { get; init; }

    public Uri? DetailsUrl { get; init; }

    public string? ExternalId { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public CheckRunOutput? Output { get; init; }
}
