using System.ComponentModel.DataAnnotations;
using OCore.Operator.GitHubApp;
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

    /// <summary>At most this many per-branch environments per project (glob mappings with a template); 0 allows none.</summary>
    [Range(0, 1000, ErrorMessage = "Operator:MaxBranchEnvironments must be between 0 and 1000")]
    public int MaxBranchEnvironments { get; set; } = 10;

    /// <summary>Images the pipeline's Jobs run.</summary>
    public PipelineImageOptions Images { get; set; } = new();

    /// <summary>How long a rollout may take to become ready before it is rolled back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Operator:RolloutTimeout must be between 1 second and 1 hour")]
    public TimeSpan RolloutTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Finished Deployments kept per environment; older ones are deleted with their Jobs.</summary>
    [Range(1, 1000, ErrorMessage = "Operator:DeploymentHistoryLimit must be between 1 and 1000")]
    public int DeploymentHistoryLimit { get; set; } = 10;

    /// <summary>
    /// Database dumps kept per database, taken before every module update on the environment's filestore volume
    /// (<c>backups/</c>); 0 takes none.
    /// </summary>
    [Range(0, 100, ErrorMessage = "Operator:BackupsKept must be between 0 (no backup before module updates) and 100")]
    public int BackupsKept { get; set; } = 3;

    /// <summary>Time allowed for one git operation (listing branches, fetching a commit).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ErrorMessage = "Operator:GitTimeout must be between 1 second and 30 minutes")]
    public TimeSpan GitTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Reconciles running at once, per controller.</summary>
    [Range(1, 64, ErrorMessage = "Operator:Workers must be between 1 and 64")]
    public int Workers { get; set; } = 4;

    /// <summary>The GitHub App (optional): where its credentials are and how often installations are verified.</summary>
    public GitHubAppSettings GitHubApp { get; set; } = new();

    /// <summary>Only one replica reconciles at a time; the others stand by with warm caches.</summary>
    public LeaderElectionOptions LeaderElection { get; set; } = new()
    {
        LeaseNamespace = System.Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "default",
        Identity = System.Environment.GetEnvironmentVariable("POD_NAME") ?? $"{System.Environment.MachineName}-{Guid.NewGuid():N}",
    };
}
