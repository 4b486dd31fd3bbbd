using System.Runtime.InteropServices;

namespace OCore.DevCluster;

/// <summary>
/// The DevCluster executable. An explicit internal entry point (not top-level statements), so no public
/// <c>Program</c> type is generated that would clash with the services whose tests start DevCluster in-process.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!CommandLine.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync("usage: OCore.DevCluster --kubeconfig PATH [--port N] [--data-dir DIR] [--token-file FILE]");
            return 2;
        }

        var stop = new TaskCompletionSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using (var cluster = await DevClusterServer.StartAsync(options))
        {
            Console.WriteLine($"DevCluster serving on {cluster.BaseUrl}; kubeconfig written to {options.KubeconfigPath}");
            await stop.Task;
        }

        return 0;
    }
}
