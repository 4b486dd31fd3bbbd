namespace OCore.GitProviders.Statuses;

/// <summary>A deployment's state as reported on its commit; each provider maps it to its own names.</summary>
public enum CommitStatusState
{
    /// <summary>Waiting to start (GitHub pending, GitLab pending, Bitbucket INPROGRESS).</summary>
    Pending,

    /// <summary>Deploying (GitHub pending, GitLab running, Bitbucket INPROGRESS).</summary>
    Running,

    /// <summary>GitHub success, GitLab success, Bitbucket SUCCESSFUL.</summary>
    Success,

    /// <summary>GitHub failure, GitLab failed, Bitbucket FAILED.</summary>
    Failure,

    /// <summary>Stopped or superseded (GitHub error, GitLab canceled, Bitbucket STOPPED).</summary>
    Canceled,
}
