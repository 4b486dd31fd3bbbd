namespace OCore.Git.Processes;

/// <summary>What one program printed and how it ended.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
