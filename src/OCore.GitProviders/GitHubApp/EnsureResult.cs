namespace OCore.GitProviders.GitHubApp;

/// <summary>The id of the deploy key or hook that now matches, and what it took.</summary>
/// <param name="Id">GitHub's id of the key or hook.</param>
/// <param name="Outcome">Whether anything was created or updated.</param>
/// <param name="RemovedIds">Stale keys or duplicate hooks that were deleted.</param>
public sealed record EnsureResult(long Id, EnsureOutcome Outcome, IReadOnlyList<long> RemovedIds);
