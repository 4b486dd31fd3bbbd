namespace OCore.GitProviders.GitHubApp;

public enum CheckRunStatus
{
    Queued,
    InProgress,
    Completed,
}
