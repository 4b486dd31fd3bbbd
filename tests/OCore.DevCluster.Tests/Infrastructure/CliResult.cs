namespace OCore.DevCluster.Tests.Infrastructure;

/// <summary>The outcome of one kubectl or helm run.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, string CommandLine)
{
    public CliResult Ok()
    {
        if (ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"`{CommandLine}` exited {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
        return this;
    }

    public CliResult Fails()
    {
        if (ExitCode == 0)
        {
            throw new Xunit.Sdk.XunitException($"`{CommandLine}` was expected to fail\nstdout:\n{Stdout}");
        }
        return this;
    }
}
