using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace OCore.Api.V1Alpha1;

/// <summary>The shape every oCore kind shares, so the Kubernetes client and our generic code can handle them alike.</summary>
public abstract class CustomResource<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>, ISpec<TSpec>, IStatus<TStatus?>
    where TSpec : new()
    where TStatus : ResourceStatus
{
    public const string Group = "ocore.io";
    public const string Version = "v1alpha1";
    public const string GroupVersion = Group + "/" + Version;

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GroupVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public TStatus? Status { get; set; }
}
