using System.ComponentModel.DataAnnotations;

namespace OCore.WebhookReceiver.Cluster;

/// <summary>How the receiver reaches Kubernetes (section <c>Cluster</c>).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>Path of a kubeconfig file; in-cluster configuration when empty.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>Only this namespace is served; all namespaces when empty.</summary>
    [RegularExpression("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", ErrorMessage = "Cluster:WatchNamespace must be a namespace name")]
    public string? WatchNamespace { get; set; }

    /// <summary>How often the last delivery of each project is written to its status (coalesced, not one write per request).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Cluster:DeliveryStatusInterval must be between 100 ms and 10 minutes")]
    public TimeSpan DeliveryStatusInterval { get; set; } = TimeSpan.FromSeconds(2);
}
