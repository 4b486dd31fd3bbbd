using System.ComponentModel.DataAnnotations;

namespace OCore.Runtime.LeaderElection;

/// <summary>Only the holder of a coordination.k8s.io/v1 Lease reconciles; the others keep their caches warm.</summary>
public sealed class LeaderElectionOptions
{
    public bool Enabled { get; set; } = true;

    [Required]
    [RegularExpression("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    public string LeaseName { get; set; } = "ocore-operator";

    /// <summary>Namespace of the Lease; the pod's own namespace in a cluster.</summary>
    [Required]
    public string LeaseNamespace { get; set; } = "default";

    /// <summary>This process's name in the Lease; the pod name in a cluster.</summary>
    public string Identity { get; set; } = $"{System.Environment.MachineName}-{Guid.NewGuid():N}";

    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
