namespace OCore.Chart.Tests.Support;

/// <summary>What a kubectl or helm run printed and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, string Command)
{
    public CliResult Ok()
    {
        Assert.True(ExitCode == 0, $"{Command} failed ({ExitCode}):\n{Stderr}\n{Stdout}");
        return this;
    }

    public CliResult Fails()
    {
        Assert.True(ExitCode != 0, $"{Command} should have failed:\n{Stdout}");
        return this;
    }
}
