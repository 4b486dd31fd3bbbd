namespace OCore.Git.Remote;

/// <summary>What one git command printed and how it ended.</summary>
internal sealed record GitProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
