using System.ComponentModel.DataAnnotations;

namespace OCore.WebhookReceiver.Options;

/// <summary>Per-project token bucket for verified deliveries, section <c>Webhooks:RateLimit</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Webhooks:RateLimit";

    /// <summary>Deliveries a project may send in a burst.</summary>
    [Range(1, 100_000, ErrorMessage = "Webhooks:RateLimit:BurstLimit must be between 1 and 100000.")]
    public int BurstLimit { get; set; } = 60;

    /// <summary>Deliveries added back to the bucket every <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, 100_000, ErrorMessage = "Webhooks:RateLimit:TokensPerPeriod must be between 1 and 100000.")]
    public int TokensPerPeriod { get; set; } = 1;

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00", ErrorMessage = "Webhooks:RateLimit:ReplenishmentPeriod must be between 00:00:00.100 and 1.00:00:00.")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
