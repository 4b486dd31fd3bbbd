namespace OCore.Git.Remote;

/// <summary>
/// A failed read of a remote repository. <see cref="Kind"/> says what went wrong; the message says how to fix it and
/// never contains key material.
/// </summary>
public sealed class GitAccessException : Exception
{
    public GitAccessException(GitAccessErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public GitAccessErrorKind Kind { get; }
}
