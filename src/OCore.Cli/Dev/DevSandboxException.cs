namespace OCore.Cli.Dev;

/// <summary>The sandbox cannot start as asked; the message says why and what to do.</summary>
public sealed class DevSandboxException(string message) : Exception(message);
