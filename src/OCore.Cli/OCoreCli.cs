using System.CommandLine;
using OCore.Cli.Commands;
using OCore.Cli.Dev;

namespace OCore.Cli;

/// <summary>The <c>ocore</c> command line: what Program.cs runs, and what tests invoke in-process with their own writers.</summary>
public static class OCoreCli
{
    private static readonly RootCommand Root = CreateRootCommand();

    /// <summary>The command tree; the global options are shared instances, so it is built once per process.</summary>
    private static RootCommand CreateRootCommand() => new("oCore: git push to a running Odoo on Kubernetes")
    {
        DevCommand.Create(),
        GlobalOptions.AddTo(ProjectCommand.Create()),
        GlobalOptions.AddTo(DeployCommand.Create()),
        GlobalOptions.AddTo(GitHubAppCommand.Create()),
        GlobalOptions.AddTo(DashboardCommand.Create()),
    };

    /// <summary>Parses and runs <paramref name="args"/>; a command line that does not parse exits with 2.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var result = Root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
                await error.WriteLineAsync($"error: {parseError.Message}");
            await error.WriteLineAsync("Run 'ocore --help' (or the command with --help) for usage.");
            return ExitCodes.Usage;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
