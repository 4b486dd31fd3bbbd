using OCore.Testing;

namespace OCore.Bench.Cluster;

/// <summary>
/// The webhook receiver as it ships (its own process, Release build, production logging to a file), on the
/// Kubernetes-backed project directory and push handler, reading DevCluster through a kubeconfig.
/// </summary>
internal static class ReceiverProcess
{
    public static ChildProcess Start(string kubeconfig, int port, string logPath)
    {
        var dll = RepositoryRoot.Combine("src", "OCore.WebhookReceiver", "bin", "Release", "net10.0", "OCore.WebhookReceiver.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"build the receiver first: dotnet build src/OCore.WebhookReceiver -c Release ({dll} is missing)");
        // A load test is one project sending many deliveries: lift the per-project rate limit out of the way.
        return ChildProcess.Start(logPath, "dotnet", dll, "--kubeconfig", kubeconfig, "--urls", $"http://127.0.0.1:{port}",
            "--Webhooks:RateLimit:BurstLimit", "100000", "--Webhooks:RateLimit:TokensPerPeriod", "100000",
            "--Webhooks:RateLimit:ReplenishmentPeriod", "00:00:00.100");
    }

    public static async Task WaitReadyAsync(HttpClient http, ChildProcess process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException("the receiver process exited; see its log in bench/out");
            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the receiver did not become ready");
    }
}
