using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace OCore.DevCluster.Tests.Client;

/// <summary>A list of custom resources as returned by the generic client.</summary>
public sealed class CustomResourceList<T> : IKubernetesObject<V1ListMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public List<T> Items { get; set; } = [];
}
