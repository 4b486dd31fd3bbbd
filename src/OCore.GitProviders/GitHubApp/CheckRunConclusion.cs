namespace OCore.GitProviders.GitHubApp;

/// <summary>A completed check run's result (GitHub sets <c>stale</c> itself, so it is not offered).</summary>
public enum CheckRunConclusion
{
    Success,
    Failure,
    Neutral,
    Cancelled,
    Skipped,
    TimedOut,
    ActionRequired,
}
