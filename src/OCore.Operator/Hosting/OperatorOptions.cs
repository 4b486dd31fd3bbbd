using System.ComponentModel.DataAnnotations;
using OCore.Runtime.LeaderElection;

namespace OCore.Operator.Hosting;

/// <summary>Settings of the operator process (section <c>Operator</c>; environment variables <c>Operator__Name</c>).</summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>The receiver's public base URL; webhook URLs shown to users start with it.</summary>
    [Required(ErrorMessage = "Operator:PublicReceiverUrl is required: the receiver's public base URL, e.g. https://ocore.example.com")]
    [Url(ErrorMessage = "Operator:PublicReceiverUrl must be an absolute http(s) URL")]
    public string PublicReceiverUrl { get; set; } = "";

    /// <summary>Path of a kubeconfig file; in-cluster configuration when empty.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>Only this namespace is watched; all namespaces when empty.</summary>
    [RegularExpression("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", ErrorMessage = "Operator:WatchNamespace must be a namespace name")]
    public string? WatchNamespace { get; set; }

    /// <summary>How long the previous webhook secret stays valid after Reconfigure Webhook, for deliveries in flight.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Operator:WebhookSecretGracePeriod must be between 0 and 30 days")]
    public TimeSpan WebhookSecretGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Reconciles running at once, per controller.</summary>
    [Range(1, 64, ErrorMessage = "Operator:Workers must be between 1 and 64")]
    public int Workers { get; set; } = 4;

    /// <summary>Only one replica reconciles at a time; the others stand by with warm caches.</summary>
    public LeaderElectionOptions LeaderElection { get; set; } = new()
    {
        LeaseNamespace = System.Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "default",
        Identity = System.Environment.GetEnvironmentVariable("POD_NAME") ?? $"{System.Environment.MachineName}-{Guid.NewGuid():N}",
    };
}
