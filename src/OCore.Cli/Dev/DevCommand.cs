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
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the sandbox's objects here across restarts" };
        var withSamples = new Option<bool>("--with-samples") { Description = "Apply the feature-strategy sample (namespace acme)" };
        var command = new Command("dev", "Run a local oCore sandbox: a Kubernetes API, the operator and the webhook receiver")
        {
            kubeconfig, receiverPort, dataDir, withSamples,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new DevSandboxOptions
            {
                KubeconfigPath = Path.GetFullPath(result.GetValue(kubeconfig)!),
                ReceiverPort = result.GetValue(receiverPort),
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

        await using var sandbox = await DevSandbox.StartAsync(options, cancellationToken);
        await output.WriteLineAsync($"""

            oCore dev sandbox is running (Ctrl-C stops it).
              Kubernetes API    {sandbox.ApiUrl}   kubeconfig: {options.KubeconfigPath}
              Webhook receiver  {sandbox.ReceiverUrl}
              Operator          reconciling every namespace{(options.WithSamples ? $"; {sandbox.SamplesCreated} sample objects applied in namespace acme" : "")}

            Try:
              export KUBECONFIG={options.KubeconfigPath}
              {(options.WithSamples ? "" : "kubectl apply -k config/samples/feature-strategy\n  ")}kubectl get ocore -n acme
              kubectl -n acme get project odoo-custom -o jsonpath='{"{"}.status.webhook.url{"}"}'
              kubectl -n acme describe project odoo-custom     # deploy key and next steps
            """);
        await stop.Task;
        await output.WriteLineAsync("Stopping the sandbox…");
        return 0;
    }
}
