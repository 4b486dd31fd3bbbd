using System.Globalization;
using k8s;
using OCore.Bench.Cluster;
using OCore.Testing;

// Usage: OCore.Bench.Cluster <scale|create|push-to-work> --out DIR [options]; run from the repository root by bench/run.sh.
var command = args.Length > 0 ? args[0] : "";
var options = Options(args.Skip(1).ToArray());
var outDirectory = Path.GetFullPath(options.GetValueOrDefault("out", "bench/out"));
Directory.CreateDirectory(outDirectory);
int Int(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

switch (command)
{
    case "devcluster":
    {
        // Figure 4: list and watch a DevCluster holding N Projects.
        var objects = Int("objects", 10_000);
        await using var cluster = await TestCluster.StartAsync();
        var client = (Kubernetes)cluster.Client;
        var output = new BenchOutput(outDirectory, "devcluster");
        BenchOutput.Log($"figure 4: seeding {objects} Projects");
        var (projectSeconds, _) = await new Seeder(client).SeedAsync(objects, 0);
        output.Add("SEED_PROJECTS_PER_S", objects / projectSeconds);
        var devCluster = new DevClusterBench(client, output);
        await devCluster.ListAsync(objects);
        await devCluster.WatchFanOutAsync();
        break;
    }

    case "scale":
    {
        // Figure 3: the operator started on a DevCluster already holding N Projects and their BranchMappings.
        var projects = Int("projects", 10_000);
        var mappings = Int("mappings-per-project", 5);
        await using var cluster = await TestCluster.StartAsync();
        var client = (Kubernetes)cluster.Client;
        var output = new BenchOutput(outDirectory, $"scale-{projects}");
        output.Add("SCALE_PROJECTS", projects);
        output.Add("SCALE_MAPPINGS", projects * mappings);
        BenchOutput.Log($"figure 3: seeding {projects} Projects and {projects * mappings} BranchMappings");
        var (projectSeconds, mappingSeconds) = await new Seeder(client).SeedAsync(projects, mappings);
        output.Add("SEED_PROJECTS_PER_S", projects / projectSeconds);
        output.Add("SEED_MAPPINGS_PER_S", projects * mappings / mappingSeconds);
        BenchOutput.Log("figure 3: operator on the seeded cluster");
        await new OperatorScaleBench(client, cluster.KubeconfigPath, outDirectory, output)
            .RunAsync(projects, Int("deployments-per-second", 10), TimeSpan.FromSeconds(Int("stream-seconds", 20)));
        break;
    }

    case "create":
    {
        // Figure 1, create path (and the decide path over real mappings).
        await using var cluster = await TestCluster.StartAsync();
        var output = new BenchOutput(outDirectory, "create");
        BenchOutput.Log("figure 1: create path on the Kubernetes-backed receiver");
        await new CreatePathBench(cluster, options.GetValueOrDefault("payload", Path.Combine(outDirectory, "push.json")), outDirectory, output)
            .RunAsync(Int("senders", 16), TimeSpan.FromSeconds(Int("seconds", 10)));
        break;
    }

    case "push-to-work":
    {
        // Figure 2: webhook 202 → Deployment → build Job against ocore dev.
        var output = new BenchOutput(outDirectory, "push");
        BenchOutput.Log("figure 2: push to work against ocore dev");
        await new PushToWorkBench(options.GetValueOrDefault("payload", Path.Combine(outDirectory, "push.json")), outDirectory, output)
            .RunAsync(Int("pushes", 200), Int("warm-up", 5), TimeSpan.FromSeconds(Int("budget-seconds", 330)));
        break;
    }

    default:
        Console.Error.WriteLine("usage: OCore.Bench.Cluster <scale|create|push-to-work> --out DIR [--name value ...]");
        return 2;
}

return 0;

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
        options[args[i].TrimStart('-')] = args[i + 1];
    return options;
}
