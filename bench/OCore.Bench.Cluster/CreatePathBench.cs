using System.Net;
using System.Security.Cryptography;
using OCore.Testing;

namespace OCore.Bench.Cluster;

/// <summary>
/// Figure 1, create path: the shipped receiver process on ClusterProjectDirectory + DeploymentPushHandler against
/// DevCluster, every push a new commit of main, so every 202 stands for a Deployment written through the API.
/// The operator runs only to connect the project (webhook secret, project id) and is stopped before the load, so
/// the Deployments it would process do not compete with the figure. Also the decide path over the same real caches
/// and BranchMappings: pushes to a branch no mapping routes (answered 200 Ignored, no API write).
/// </summary>
internal sealed class CreatePathBench(TestCluster cluster, string templatePath, string outDirectory, BenchOutput output)
{
    private const int ReceiverPort = 18292;
    private const int OperatorPort = 18293;

    public async Task RunAsync(int senders, TimeSpan duration)
    {
        var ns = await cluster.CreateNamespaceAsync("bench");
        BenchProject project;
        await using (OperatorProcess.Start(cluster.KubeconfigPath, OperatorPort, Path.Combine(outDirectory, "create-operator.log")))
        {
            await BenchProject.CreateAsync(cluster.Client, ns, "odoo-custom", "git@github.com:acme/odoo-custom.git", knownHosts: null);
            project = await BenchProject.WhenConnectedAsync(cluster.Client, ns, "odoo-custom", TimeSpan.FromSeconds(60));
        }

        await using var receiver = ReceiverProcess.Start(cluster.KubeconfigPath, ReceiverPort, Path.Combine(outDirectory, "create-receiver.log"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{ReceiverPort}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        await ReceiverProcess.WaitReadyAsync(http, receiver, TimeSpan.FromSeconds(60));

        var main = new PushPayload(templatePath, "acme/odoo-custom", "main", project.Secret);
        HttpRequestMessage NewCommit()
        {
            var (body, signature) = main.For(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)));
            return PushPayload.Request(project.WebhookPath, body, signature);
        }

        await ClosedLoopLoad.RunAsync(http, senders, TimeSpan.FromSeconds(3), NewCommit, HttpStatusCode.Accepted);
        var created = await ClosedLoopLoad.RunAsync(http, senders, duration, NewCommit, HttpStatusCode.Accepted);
        Report("CREATE", created);

        var unmapped = new PushPayload(templatePath, "acme/odoo-custom", "unmapped/topic", project.Secret);
        HttpRequestMessage Unmapped()
        {
            var (body, signature) = unmapped.For(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)));
            return PushPayload.Request(project.WebhookPath, body, signature);
        }

        var ignored = await ClosedLoopLoad.RunAsync(http, senders, duration, Unmapped, HttpStatusCode.OK);
        Report("UNMAPPED", ignored);
        output.Add("CREATE_SENDERS", senders);
        output.Add("CREATE_SECONDS", duration.TotalSeconds);
        output.Add("CREATE_DEPLOYMENTS_IN_CLUSTER", (await cluster.ListNamesAsync(ns, "deployments")).Count);
    }

    private void Report(string prefix, LoadResult result)
    {
        output.Add($"{prefix}_REQUESTS", result.Requests);
        output.Add($"{prefix}_EXPECTED", result.Expected);
        output.Add($"{prefix}_OTHER", result.Other);
        output.Add($"{prefix}_RPS", result.PerSecond);
        output.Add($"{prefix}_P50_MS", Percentiles.Of(result.LatenciesMs, 50));
        output.Add($"{prefix}_P99_MS", Percentiles.Of(result.LatenciesMs, 99));
    }
}
