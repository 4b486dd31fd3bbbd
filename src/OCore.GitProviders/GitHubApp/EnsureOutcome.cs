namespace OCore.GitProviders.GitHubApp;

/// <summary>What an <c>Ensure…</c> call had to do.</summary>
public enum EnsureOutcome
{
    /// <summary>Already as wanted; nothing was written.</summary>
    Unchanged,

    Created,

    Updated,
}
