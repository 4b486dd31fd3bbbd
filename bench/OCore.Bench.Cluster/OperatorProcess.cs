using System.Globalization;
using OCore.Testing;

namespace OCore.Bench.Cluster;

/// <summary>
/// The operator as it ships (its own process, built in Release), against a DevCluster kubeconfig, with its
/// /readyz and /metrics on a loopback port. Leader election is off: one replica.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private OperatorProcess(ChildProcess process, HttpClient http)
    {
        _process = process;
        _http = http;
    }

    public ChildProcess Process => _process;

    public static OperatorProcess Start(string kubeconfig, int port, string logPath, int workers = 4)
    {
        var dll = RepositoryRoot.Combine("src", "OCore.Operator", "bin", "Release", "net10.0", "OCore.Operator.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"build the operator first: dotnet build src/OCore.Operator -c Release ({dll} is missing)");
        var process = ChildProcess.Start(logPath, "dotnet", dll, "--kubeconfig", kubeconfig, "--public-url", "http://127.0.0.1:8080",
            "--leader-elect", "false", "--workers", workers.ToString(CultureInfo.InvariantCulture), "--urls", $"http://127.0.0.1:{port}");
        return new OperatorProcess(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) });
    }

    /// <summary>True once /readyz answers 200: every informer has listed and is watching.</summary>
    public async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
            throw new InvalidOperationException("the operator process exited; see its log in bench/out");
        try
        {
            using var response = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The sum of every sample of a Prometheus metric whose labels contain <paramref name="labelFilter"/>.</summary>
    public async Task<double> MetricAsync(string name, string labelFilter = "")
    {
        var text = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var sum = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || line[name.Length] is not ('{' or ' '))
                continue;
            if (!line.Contains(labelFilter, StringComparison.Ordinal))
                continue;
            sum += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        }

        return sum;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
