using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using OCore.Api.Serialization;

namespace OCore.Cli.Commands;

/// <summary>Prints resources as JSON or YAML for scripts; tables are the commands' own.</summary>
public sealed class ResourcePrinter(TextWriter output, OutputFormat format)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public bool IsMachineReadable => format != OutputFormat.Table;

    /// <summary>One resource as it is in the cluster.</summary>
    public void Write(object resource) => WriteNode(ToNode(resource));

    /// <summary>Several resources as a kubectl-style List.</summary>
    public void WriteList(IEnumerable<object> resources)
    {
        var list = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "List",
            ["items"] = new JsonArray([.. resources.Select(ToNode)]),
        };
        WriteNode(list);
    }

    private void WriteNode(JsonNode? node)
    {
        if (format == OutputFormat.Yaml)
            output.Write(JsonYaml.ToYaml(node));
        else
            output.WriteLine(node?.ToJsonString(Indented) ?? "null");
    }

    private static JsonNode? ToNode(object resource) => JsonNode.Parse(KubernetesJson.Serialize(resource));
}
