namespace OCore.Cli.Commands;

/// <summary>A failure the user can act on: its message is printed as is and its exit code returned.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
