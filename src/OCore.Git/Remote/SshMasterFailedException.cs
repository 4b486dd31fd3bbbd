namespace OCore.Git.Remote;

/// <summary>A master connection ended before it authenticated; <see cref="StandardError"/> is what ssh printed.</summary>
internal sealed class SshMasterFailedException(string standardError) : Exception("ssh could not open a master connection")
{
    public string StandardError { get; } = standardError;
}
