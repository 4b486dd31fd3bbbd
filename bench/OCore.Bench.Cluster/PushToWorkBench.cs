using System.Diagnostics;
using System.Net;
using k8s;
using k8s.Models;
using OCore.Api.Naming;
using OCore.Testing;
using Deployment = OCore.Api.V1Alpha1.Deployment;

namespace OCore.Bench.Cluster;

/// <summary>
/// Figure 2, push to work: <c>ocore dev --with-samples</c> in its own process (DevCluster, CRDs, operator and
/// receiver), a project whose repository is a bare git repository behind a real sshd on 127.0.0.1, and one push
/// at a time: the branch moves to the next prepared commit, the signed webhook is answered 202, and watches on
/// Deployments and Jobs stamp when the Deployment and its build Job (after Prepare read the commit over SSH) exist.
/// </summary>
internal sealed class PushToWorkBench(string templatePath, string outDirectory, BenchOutput output)
{
    private const string Project = "odoo-custom";
    private const int ReceiverPort = 18294;
    private static readonly TimeSpan PerPushTimeout = TimeSpan.FromSeconds(20);

    /// <param name="pushes">Pushes measured.</param>
    /// <param name="warmUp">Pushes made first and not measured (the sandbox's first reconciles, JIT).</param>
    /// <param name="budget">
    /// When the pushes take longer than this in all (a busy machine), the run stops early and reports how many it
    /// made, so bench/run.sh stays bounded and still gets figures.
    /// </param>
    public async Task RunAsync(int pushes, int warmUp, TimeSpan budget)
    {
        var sshd = new SshServerFixture();
        await sshd.InitializeAsync();
        using var work = new ScratchRepository();
        string? devDirectory = null;
        try
        {
            var bare = sshd.CreateBareRepository();
            var commits = PrepareCommits(work, bare, warmUp + pushes);
            var kubeconfig = Path.Combine(outDirectory, "ocore-dev.kubeconfig");
            File.Delete(kubeconfig);
            var cli = RepositoryRoot.Combine("src", "OCore.Cli", "bin", "Release", "net10.0", "ocore.dll");
            if (!File.Exists(cli))
                throw new InvalidOperationException($"build the CLI first: dotnet build src/OCore.Cli -c Release ({cli} is missing)");
            // ocore dev keeps a working clone in its current directory: give it a scratch one, not the checkout.
            devDirectory = Directory.CreateTempSubdirectory("ocore-bench-dev-").FullName;
            await using var dev = ChildProcess.StartIn(devDirectory, Path.Combine(outDirectory, "ocore-dev.log"), "dotnet", cli, "dev", "--with-samples",
                "--receiver-port", ReceiverPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--kubeconfig", kubeconfig);
            var started = Stopwatch.StartNew();
            while (!File.Exists(kubeconfig))
            {
                if (dev.HasExited || started.Elapsed > TimeSpan.FromSeconds(90))
                    throw new InvalidOperationException("ocore dev did not start; see bench/out/ocore-dev.log");
                await Task.Delay(100);
            }

            output.Add("DEV_START_S", started.Elapsed.TotalSeconds);
            await Task.Delay(200); // The file is written in one call; let it land before reading.
            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
            const string ns = "bench";
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
            var url = sshd.UrlFor(bare);
            await BenchProject.CreateAsync(client, ns, Project, url.ToString(), sshd.KnownHosts);
            var project = await BenchProject.WhenConnectedAsync(client, ns, Project, TimeSpan.FromSeconds(60));
            sshd.AuthorizeKey(project.DeployKey);

            await using var deployments = await FirstSeenWatch<Deployment>.StartAsync(client, ns);
            await using var jobs = await FirstSeenWatch<V1Job>.StartAsync(client, ns);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ReceiverPort}"), Timeout = TimeSpan.FromSeconds(30) };
            var payload = new PushPayload(templatePath, url.FullName, "main", project.Secret);

            var toDeployment = new List<double>();
            var toJob = new List<double>();
            var missed = 0;
            var measured = 0;
            var pushing = Stopwatch.StartNew();
            for (var i = 0; i < commits.Count && pushing.Elapsed < budget; i++)
            {
                // The push itself: the branch on the server moves to the next commit (what git push does there).
                Cli.Run("git", bare, "update-ref", "refs/heads/main", commits[i]);
                var (body, signature) = payload.For(commits[i]);
                var response = await http.SendAsync(PushPayload.Request(project.WebhookPath, body, signature));
                while (response.StatusCode == HttpStatusCode.TooManyRequests && pushing.Elapsed < budget)
                {
                    // The project's rate limit: send again after Retry-After, as a provider's redelivery would; the
                    // clock starts at the 202, so the wait is not counted.
                    var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    response.Dispose();
                    await Task.Delay(retryAfter);
                    response = await http.SendAsync(PushPayload.Request(project.WebhookPath, body, signature));
                }

                using var answer = response;
                var answered = Stopwatch.GetTimestamp();
                if (response.StatusCode != HttpStatusCode.Accepted)
                    throw new InvalidOperationException($"push {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

                var deployment = ObjectNames.ForDeployment(Project, "production", commits[i]);
                var job = ObjectNames.ForChild(deployment, "build");
                var waited = Stopwatch.StartNew();
                while (jobs.SeenAt(job) is null && waited.Elapsed < PerPushTimeout)
                    await Task.Delay(2);
                if (i < warmUp)
                    continue;
                measured++;
                if (jobs.SeenAt(job) is not { } jobAt || deployments.SeenAt(deployment) is not { } deploymentAt)
                {
                    missed++;
                    continue;
                }

                // The receiver writes the Deployment before it answers 202, so its watch event may arrive before the
                // answer does: that counts as 0 (it existed when the 202 came back).
                toDeployment.Add(Math.Max(0, Stopwatch.GetElapsedTime(answered, deploymentAt).TotalMilliseconds));
                toJob.Add(Stopwatch.GetElapsedTime(answered, jobAt).TotalMilliseconds);
            }

            // What one SSH round trip costs here over a shared connection (Prepare makes one: a fetch of the branch tip).
            var remote = new OCore.Git.Remote.RemoteRepository();
            var lsRemote = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var clock = Stopwatch.StartNew();
                await remote.ListHeadsAsync(url, sshd.AcceptedKey, CancellationToken.None);
                lsRemote.Add(clock.Elapsed.TotalMilliseconds);
            }

            output.Add("SSH_LS_REMOTE_P50_MS", Percentiles.Of(lsRemote, 50));
            output.Add("PUSHES", measured);
            output.Add("PUSHES_PLANNED", pushes);
            output.Add("PUSH_SECONDS", pushing.Elapsed.TotalSeconds);
            output.Add("PUSH_WARMUP", warmUp);
            output.Add("PUSH_MISSED", missed);
            output.Add("PUSH_DEPLOYMENT_P50_MS", Percentiles.Of(toDeployment, 50));
            output.Add("PUSH_DEPLOYMENT_P99_MS", Percentiles.Of(toDeployment, 99));
            output.Add("PUSH_JOB_P50_MS", Percentiles.Of(toJob, 50));
            output.Add("PUSH_JOB_P99_MS", Percentiles.Of(toJob, 99));
            output.Add("PUSH_JOB_MAX_MS", toJob.Count > 0 ? toJob.Max() : double.NaN);
        }
        finally
        {
            await sshd.DisposeAsync();
            if (devDirectory is not null && Directory.Exists(devDirectory))
                Directory.Delete(devDirectory, recursive: true);
        }
    }

    /// <summary>
    /// A module and one commit per push, each changing it, pushed to the server under a side ref so their objects
    /// are there; main is moved to each in turn during the run.
    /// </summary>
    private static List<string> PrepareCommits(ScratchRepository work, string bare, int count)
    {
        work.Write("addons/sale_ext/__manifest__.py", "{'name': 'sale_ext', 'version': '18.0.1.0.0', 'depends': ['sale']}\n");
        var commits = new List<string>();
        for (var i = 0; i < count; i++)
        {
            work.Write("addons/sale_ext/models/sale.py", $"# change {i}\n");
            commits.Add(work.Commit($"sale_ext: change {i}"));
        }

        work.Git("push", "--quiet", bare, "HEAD:refs/heads/bench-all", $"{commits[0]}:refs/heads/main");
        return commits;
    }
}
