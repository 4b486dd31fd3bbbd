using System.CommandLine;
using System.Runtime.InteropServices;

namespace OCore.Cli.Dev;

/// <summary><c>ocore dev</c>: starts the sandbox, prints what runs and what to try, and stops cleanly on Ctrl-C.</summary>
public static class DevCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "Where to write the sandbox's kubeconfig", DefaultValueFactory = _ => "ocore-dev.kubeconfig" };
        var receiverPort = new Option<int>("--receiver-port") { Description = "Loopback port of the webhook receiver (0 picks a free one)", DefaultValueFactory = _ => 8080 };
        var gitPort = new Option<int>("--git-port") { Description = "Loopback port of the sandbox's git server, an sshd (0 picks a free one)", DefaultValueFactory = _ => 2222 };
        var clone = new Option<string>("--clone") { Description = "Where to keep the working clone of the sandbox's repository", DefaultValueFactory = _ => "ocore-dev-repo" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the sandbox's objects and repository here across restarts" };
        var withSamples = new Option<bool>("--with-samples") { Description = "Apply the feature-strategy sample (namespace acme) on the sandbox's repository" };
        var command = new Command("dev", "Run a local oCore sandbox: a Kubernetes API, the operator, the webhook receiver and a git server")
        {
            kubeconfig, receiverPort, gitPort, clone, dataDir, withSamples,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new DevSandboxOptions
            {
                KubeconfigPath = Path.GetFullPath(result.GetValue(kubeconfig)!),
                ReceiverPort = result.GetValue(receiverPort),
                GitPort = result.GetValue(gitPort),
                ClonePath = Path.GetFullPath(result.GetValue(clone)!),
                DataDirectory = result.GetValue(dataDir) is { } dir ? Path.GetFullPath(dir) : null,
                WithSamples = result.GetValue(withSamples),
            };
            return await RunAsync(options, Console.Out, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(DevSandboxOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var stop = new TaskCompletionSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        using var onCancel = cancellationToken.Register(() => stop.TrySetResult());

        DevSandbox sandbox;
        try
        {
            sandbox = await DevSandbox.StartAsync(options, cancellationToken);
        }
        catch (DevSandboxException error)
        {
            await output.WriteLineAsync($"ocore dev: {error.Message}");
            return 1;
        }

        await using (sandbox)
        {
            await output.WriteLineAsync(DevSandboxReport.Write(options, sandbox));
            await stop.Task;
            await output.WriteLineAsync("Stopping the sandbox…");
        }

        return 0;
    }
}
