namespace OCore.Git.Remote;

/// <summary>Why oCore could not read a repository, so the operator can report the matching fix.</summary>
public enum GitAccessErrorKind
{
    /// <summary>The server refused the deploy key ("Permission denied (publickey)").</summary>
    KeyRejected,

    /// <summary>The server's host key is not in the known_hosts oCore trusts, or it changed.</summary>
    UnknownHostKey,

    /// <summary>The repository does not exist, or the deploy key has no access to it.</summary>
    RepositoryNotFound,

    /// <summary>The server could not be reached: unknown host, refused connection or timeout.</summary>
    Unreachable,

    /// <summary>Any other git failure; the message carries git's own words.</summary>
    Other,
}
