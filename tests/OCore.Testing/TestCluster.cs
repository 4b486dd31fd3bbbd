using System.Text;
using k8s;
using k8s.Models;
using OCore.Api.Serialization;
using OCore.DevCluster;

namespace OCore.Testing;

/// <summary>
/// A DevCluster on a free loopback port with oCore's generated CRDs installed, an admin client, and a kubeconfig
/// file for processes (the operator, kubectl). Each test class gets its own; each test its own namespace.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly bool _ownsServer;

    private TestCluster(DevClusterServer server, string directory, bool ownsServer)
    {
        Server = server;
        _directory = directory;
        _ownsServer = ownsServer;
        KubeconfigPath = System.IO.Path.Combine(directory, "kubeconfig");
        File.WriteAllText(KubeconfigPath, server.Kubeconfig);
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(server.Kubeconfig))));
    }

    public DevClusterServer Server { get; }

    public IKubernetes Client { get; }

    public string KubeconfigPath { get; }

    public static async Task<TestCluster> StartAsync(DevClusterOptions? options = null)
    {
        var server = await DevClusterServer.StartAsync(options ?? new DevClusterOptions());
        var cluster = new TestCluster(server, NewDirectory(), ownsServer: true);
        await cluster.InstallCrdsAsync();
        return cluster;
    }

    /// <summary>The helpers over a DevCluster someone else runs (and has installed the CRDs in), such as `ocore dev`'s.</summary>
    public static TestCluster Attach(DevClusterServer server) => new(server, NewDirectory(), ownsServer: false);

    /// <summary>Creates a namespace with a unique name (an oCore organization) and returns its name.</summary>
    public async Task<string> CreateNamespaceAsync(string prefix = "org")
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    /// <summary>Applies YAML documents as the API would receive them from kubectl create (custom and built-in kinds).</summary>
    public async Task CreateFromYamlAsync(string yaml, string @namespace)
    {
        foreach (var document in JsonYaml.ReadDocuments(yaml))
        {
            var apiVersion = document["apiVersion"]!.GetValue<string>();
            var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
            var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
            var plural = document["kind"]!.GetValue<string>().ToLowerInvariant() + "s";
            document["metadata"]!["namespace"] = @namespace;
            await Client.CustomObjects.CreateNamespacedCustomObjectAsync(document, group, version, @namespace, plural);
        }
    }

    /// <summary>An oCore resource (group ocore.io), or null when it does not exist.</summary>
    public async Task<T?> ReadAsync<T>(string @namespace, string plural, string name)
        where T : class
    {
        try
        {
            var obj = await Client.CustomObjects.GetNamespacedCustomObjectAsync("ocore.io", "v1alpha1", @namespace, plural, name);
            return KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));
        }
        catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The names of the oCore resources of one kind in a namespace.</summary>
    public async Task<List<string>> ListNamesAsync(string @namespace, string plural)
    {
        var list = await Client.CustomObjects.ListNamespacedCustomObjectAsync("ocore.io", "v1alpha1", @namespace, plural);
        return System.Text.Json.JsonSerializer.SerializeToElement(list).GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("metadata").GetProperty("name").GetString()!).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_ownsServer)
            await Server.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file; the temp folder is cleaned by the OS.
        }
    }

    private static string NewDirectory() =>
        Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ocore-test-" + Guid.NewGuid().ToString("N"))).FullName;

    private async Task InstallCrdsAsync()
    {
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("config", "crds"), "*.yaml"))
        {
            var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(JsonYaml.ReadDocuments(await File.ReadAllTextAsync(file))[0]);
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }
    }
}
