using System.Diagnostics;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace OCore.Bench.Cluster;

/// <summary>
/// Creates the scale set through the API, as kubectl or a GitOps tool would (DevCluster has no bulk loader):
/// projects spread over namespaces of 100, each with its branch mappings, several requests in flight at once.
/// </summary>
internal sealed class Seeder(IKubernetes client)
{
    public const int ProjectsPerNamespace = 100;
    private const int Parallelism = 16;

    /// <summary>Branch patterns of each project's mappings: exact names and globs, as a real project maps them.</summary>
    private static readonly string[] Branches = ["main", "staging", "release/*", "feature/*", "hotfix/**", "team/*/review", "uat", "demo/*"];

    public static string Namespace(int project) => $"scale-{project / ProjectsPerNamespace:D3}";

    public static string ProjectName(int project) => $"erp-{project:D5}";

    /// <summary>Creates the namespaces, <paramref name="projects"/> Projects and their mappings; returns seconds taken.</summary>
    public async Task<(double ProjectSeconds, double MappingSeconds)> SeedAsync(int projects, int mappingsPerProject)
    {
        var namespaces = Enumerable.Range(0, (projects + ProjectsPerNamespace - 1) / ProjectsPerNamespace).Select(n => Namespace(n * ProjectsPerNamespace));
        await Parallel.ForEachAsync(namespaces, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (name, token) =>
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: token));

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, projects), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, token) =>
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(Project(i), "ocore.io", "v1alpha1", Namespace(i), "projects", cancellationToken: token));
        var projectSeconds = clock.Elapsed.TotalSeconds;

        if (mappingsPerProject == 0)
            return (projectSeconds, 0);
        clock.Restart();
        var mappings = Enumerable.Range(0, projects).SelectMany(p => Enumerable.Range(0, mappingsPerProject).Select(m => (p, m)));
        await Parallel.ForEachAsync(mappings, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (pm, token) =>
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(Mapping(pm.p, pm.m), "ocore.io", "v1alpha1", Namespace(pm.p), "branchmappings", cancellationToken: token));
        return (projectSeconds, clock.Elapsed.TotalSeconds);
    }

    private static JsonObject Project(int i) => new()
    {
        ["apiVersion"] = "ocore.io/v1alpha1",
        ["kind"] = "Project",
        ["metadata"] = new JsonObject { ["name"] = ProjectName(i), ["namespace"] = Namespace(i) },
        ["spec"] = new JsonObject
        {
            ["repository"] = new JsonObject { ["url"] = $"git@github.com:org{i / ProjectsPerNamespace}/odoo-{i}.git" },
            ["odoo"] = new JsonObject { ["version"] = "18.0" },
            // No network here: polling github.com would only measure DNS failures.
            ["pollInterval"] = "0s",
        },
    };

    private static JsonObject Mapping(int project, int index)
    {
        // Beyond the listed patterns, more exact names; every (project, index) gives a distinct pattern.
        var branch = index < Branches.Length ? Branches[index] : $"env-{index}";
        var spec = new JsonObject { ["projectRef"] = new JsonObject { ["name"] = ProjectName(project) }, ["branch"] = branch };
        if (branch.Contains('*', StringComparison.Ordinal))
        {
            spec["environmentTemplate"] = new JsonObject
            {
                ["image"] = new JsonObject { ["repository"] = "registry.acme.example/odoo" },
                ["odoo"] = new JsonObject
                {
                    ["database"] = new JsonObject { ["secretRef"] = new JsonObject { ["name"] = "dev-db" } },
                    ["ingress"] = new JsonObject { ["host"] = "{branch}.dev.acme.example" },
                },
            };
        }
        else
        {
            spec["environmentRef"] = new JsonObject { ["name"] = branch == "main" ? "production" : branch };
        }

        return new JsonObject
        {
            ["apiVersion"] = "ocore.io/v1alpha1",
            ["kind"] = "BranchMapping",
            ["metadata"] = new JsonObject { ["name"] = $"{ProjectName(project)}-m{index}", ["namespace"] = Namespace(project) },
            ["spec"] = spec,
        };
    }
}
