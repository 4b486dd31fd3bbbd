namespace OCore.GitProviders.GitHubApp;

/// <summary>A commit status (<c>POST /repos/{owner}/{repo}/statuses/{sha}</c>).</summary>
/// <param name="State">pending, success, failure or error.</param>
/// <param name="Context">The status' name; a later status with the same context replaces it.</param>
/// <param name="TargetUrl">Where "Details" links to.</param>
/// <param name="Description">Short text; cut to GitHub's 140 characters.</param>
public sealed record NewCommitStatus(GitHubCommitState State, string Context, Uri? TargetUrl = null, string? Description = null);
