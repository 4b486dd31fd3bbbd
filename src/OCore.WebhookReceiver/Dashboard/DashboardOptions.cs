using System.ComponentModel.DataAnnotations;

namespace OCore.WebhookReceiver.Dashboard;

/// <summary>The web dashboard (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>How long a sign-in lasts; the token inside may expire sooner, and Kubernetes then refuses it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Dashboard:SessionLifetime must be between 1 minute and 7 days")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Where the Data Protection keys that encrypt the sign-in cookie are kept. Replicas must share them (a volume or a
    /// mounted Secret), or a cookie written by one replica is unreadable on another; empty keeps them in this process.
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>
    /// A Secret that holds the Data Protection keys (in <see cref="KeysNamespace"/>), shared by every replica; the
    /// chart sets it. Takes precedence over <see cref="KeysDirectory"/>.
    /// </summary>
    [RegularExpression("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", ErrorMessage = "Dashboard:KeysSecret must be a Secret name")]
    public string? KeysSecret { get; set; }

    public string KeysNamespace { get; set; } = System.Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "default";

    /// <summary>How long a form waits for the operator (a new deploy key, a new webhook secret) before showing what is there.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Dashboard:OperatorWait must be at most 1 minute")]
    public TimeSpan OperatorWait { get; set; } = TimeSpan.FromSeconds(10);
}
