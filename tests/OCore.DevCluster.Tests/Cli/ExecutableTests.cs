using System.Diagnostics;
using OCore.DevCluster.Tests.Infrastructure;
using KubeTools = OCore.Testing.KubeTools;

namespace OCore.DevCluster.Tests.Cli;

/// <summary>The DevCluster executable: writes its kubeconfig once serving and stops cleanly on SIGTERM.</summary>
public sealed class ExecutableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("devcluster-exe-").FullName;

    [Fact]
    public async Task Executable_serves_kubectl_and_exits_on_SIGTERM()
    {
        var kubeconfig = Path.Combine(_dir, "kubeconfig");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "OCore.DevCluster.dll"), "--kubeconfig", kubeconfig, "--data-dir", Path.Combine(_dir, "data") })
        {
            start.ArgumentList.Add(arg);
        }
        using var server = Process.Start(start)!;
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(File.Exists(kubeconfig)), "the kubeconfig to be written", TimeSpan.FromSeconds(30));
            using var cli = new KubeTools(await File.ReadAllTextAsync(kubeconfig));
            var namespaces = (await cli.KubectlAsync("get", "namespaces", "-o", "name")).Ok().Stdout;
            Assert.Contains("namespace/default", namespaces, StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await server.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, server.ExitCode);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
