namespace OCore.Git.Serving;

/// <summary>The local git server cannot run: a tool is missing or sshd did not start. The message names the fix.</summary>
public sealed class GitServerUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
