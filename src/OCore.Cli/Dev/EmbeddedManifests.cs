using System.Reflection;
using k8s;
using k8s.Models;
using OCore.Api.Serialization;
using OCore.Management;

namespace OCore.Cli.Dev;

/// <summary>The CRDs and samples shipped inside the tool, applied as kubectl create would.</summary>
public static class EmbeddedManifests
{
    public static async Task InstallCrdsAsync(IKubernetes kubernetes, CancellationToken cancellationToken)
    {
        foreach (var document in Read("crds/"))
        {
            var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(document);
            await kubernetes.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// The user roles of the chart (manage:projects, view:projects, manage:org_settings), so the sandbox's RBAC decides
    /// as a cluster's would: bind them to a ServiceAccount and use its token with the CLI, the REST API or the dashboard.
    /// </summary>
    public static async Task InstallUserRolesAsync(IKubernetes kubernetes, CancellationToken cancellationToken)
    {
        string[] roles = [Roles.ManageProjects, Roles.ViewProjects, Roles.ManageOrgSettings];
        foreach (var document in Read("install/").Where(d => d["kind"]?.GetValue<string>() == "ClusterRole"
            && roles.Contains(d["metadata"]?["name"]?.GetValue<string>())))
        {
            try
            {
                await kubernetes.RbacAuthorizationV1.CreateClusterRoleAsync(KubernetesJson.Deserialize<V1ClusterRole>(document), cancellationToken: cancellationToken);
            }
            catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Already there from an earlier run (--data-dir).
            }
        }
    }

    /// <summary>Applies the samples; objects that already exist (a restart with --data-dir) are left as they are.</summary>
    /// <param name="kubernetes">The sandbox's API.</param>
    /// <param name="customize">Changes a sample before it is created (the sandbox points the Project at its own repository).</param>
    /// <param name="cancellationToken">Stops applying.</param>
    public static async Task<int> ApplySamplesAsync(IKubernetes kubernetes, Action<System.Text.Json.Nodes.JsonNode>? customize, CancellationToken cancellationToken)
    {
        var created = 0;
        var documents = Read("samples/").OrderBy(d => d["kind"]!.GetValue<string>() == "Namespace" ? 0 : 1).ToList();
        foreach (var document in documents)
        {
            customize?.Invoke(document);
            try
            {
                if (document["kind"]!.GetValue<string>() == "Namespace")
                {
                    await kubernetes.CoreV1.CreateNamespaceAsync(KubernetesJson.Deserialize<V1Namespace>(document), cancellationToken: cancellationToken);
                }
                else
                {
                    var (group, version) = SplitApiVersion(document["apiVersion"]!.GetValue<string>());
                    var plural = document["kind"]!.GetValue<string>().ToLowerInvariant() + "s"; // true of every oCore kind
                    await kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(document, group, version,
                        document["metadata"]!["namespace"]!.GetValue<string>(), plural, cancellationToken: cancellationToken);
                }

                created++;
            }
            catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Already there from an earlier run.
            }
        }

        return created;
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonNode> Read(string prefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            foreach (var document in JsonYaml.ReadDocuments(reader.ReadToEnd()))
                yield return document;
        }
    }

    private static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }
}
