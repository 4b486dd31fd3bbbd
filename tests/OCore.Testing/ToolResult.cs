using Xunit;

namespace OCore.Testing;

/// <summary>What one kubectl or helm run printed and how it exited.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr, string Command)
{
    public ToolResult Ok()
    {
        Assert.True(ExitCode == 0, $"`{Command}` failed ({ExitCode}):\n{Stderr}\n{Stdout}");
        return this;
    }

    public ToolResult Fails()
    {
        Assert.True(ExitCode != 0, $"`{Command}` should have failed:\n{Stdout}");
        return this;
    }
}
