using System.Diagnostics;

namespace OCore.Testing;

/// <summary>
/// The real kubectl and helm from &lt;repo&gt;/.tools/bin (scripts/install-tools.sh), each run with a private
/// KUBECONFIG, kubectl cache and helm home, so nothing leaks from or into the user's environment.
/// </summary>
public sealed class KubeTools : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly string _home = Directory.CreateTempSubdirectory("ocore-kubetools-").FullName;

    /// <param name="kubeconfig">The kubeconfig's contents; null for commands that need no cluster.</param>
    public KubeTools(string? kubeconfig = null)
    {
        KubeconfigPath = Path.Combine(_home, "kubeconfig");
        File.WriteAllText(KubeconfigPath, kubeconfig ?? "");
    }

    public static string Kubectl => Require("kubectl");

    public static string Helm => Require("helm");

    public string KubeconfigPath { get; }

    /// <summary>This run's private folder, where <see cref="WriteFile"/> writes.</summary>
    public string WorkDirectory => _home;

    public Task<ToolResult> KubectlAsync(params string[] args) => RunAsync(Kubectl, ["--cache-dir", Path.Combine(_home, "kube-cache"), .. args]);

    public Task<ToolResult> KubectlStdinAsync(string stdin, params string[] args) =>
        RunAsync(Kubectl, ["--cache-dir", Path.Combine(_home, "kube-cache"), .. args], stdin);

    public Task<ToolResult> HelmAsync(params string[] args) => RunAsync(Helm, args);

    /// <summary>Writes a file in this run's private folder and returns its path.</summary>
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
            // A temp folder left behind is harmless.
        }
    }

    private static string Require(string name)
    {
        var path = RepositoryRoot.Combine(".tools", "bin", name);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{name} not found at {path}; run scripts/install-tools.sh to install kubectl and helm.");
        return path;
    }

    private async Task<ToolResult> RunAsync(string tool, string[] args, string? stdin = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["KUBECONFIG"] = KubeconfigPath;
        start.Environment["HOME"] = _home;
        start.Environment["KUBECACHEDIR"] = Path.Combine(_home, "kube-cache");
        start.Environment["HELM_CACHE_HOME"] = Path.Combine(_home, "helm-cache");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(_home, "helm-config");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(_home, "helm-data");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ToolResult(process.ExitCode, await stdout, await stderr, $"{Path.GetFileName(tool)} {string.Join(' ', args)}");
    }
}
