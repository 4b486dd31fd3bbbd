namespace OCore.GitProviders.GitHubApp;

/// <summary>The states of a GitHub commit status.</summary>
public enum GitHubCommitState
{
    Pending,
    Success,
    Failure,
    Error,
}
