namespace OCore.Api.Git;

/// <summary>A repository URL that oCore cannot use; the message names the accepted forms.</summary>
public sealed class RepositoryUrlException(string message) : FormatException(message);
