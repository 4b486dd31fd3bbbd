namespace OCore.Cli.Tests.Support;

/// <summary>What one in-process run of <c>ocore</c> returned and printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await OCoreCli.RunAsync(args, output, error, timeout.Token);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- output\n{Output}\n--- error\n{Error}";
}
