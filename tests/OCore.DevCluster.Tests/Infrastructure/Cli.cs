using System.Diagnostics;

namespace OCore.DevCluster.Tests.Infrastructure;

/// <summary>
/// Runs the real kubectl and helm against a DevCluster with a private KUBECONFIG, kubectl cache dir and
/// helm home, so nothing leaks from or into the user's environment.
/// </summary>
public sealed class Cli : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("devcluster-cli-").FullName;

    public Cli(string kubeconfig)
    {
        KubeconfigPath = Path.Combine(_home, "kubeconfig");
        File.WriteAllText(KubeconfigPath, kubeconfig);
    }

    public string KubeconfigPath { get; }

    public string WorkDirectory => _home;

    public Task<CliResult> KubectlAsync(params string[] args) =>
        RunAsync(Tools.Kubectl, ["--cache-dir", Path.Combine(_home, "kube-cache"), .. args]);

    public Task<CliResult> KubectlStdinAsync(string stdin, params string[] args) =>
        RunAsync(Tools.Kubectl, ["--cache-dir", Path.Combine(_home, "kube-cache"), .. args], stdin);

    public Task<CliResult> HelmAsync(params string[] args) => RunAsync(Tools.Helm, args);

    public string WriteFile(string name, string contents)
    {
        var path = Path.Combine(_home, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    private async Task<CliResult> RunAsync(string tool, string[] args, string? stdin = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["KUBECONFIG"] = KubeconfigPath;
        start.Environment["HOME"] = _home;
        start.Environment["HELM_CACHE_HOME"] = Path.Combine(_home, "helm-cache");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(_home, "helm-config");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(_home, "helm-data");
        start.Environment["KUBECACHEDIR"] = Path.Combine(_home, "kube-cache");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliResult(process.ExitCode, await stdout, await stderr, $"{Path.GetFileName(tool)} {string.Join(' ', args)}");
    }
}
