using System.ComponentModel.DataAnnotations;

namespace OCore.WebhookReceiver.Options;

/// <summary>Settings of the webhook endpoints, section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Largest accepted body; larger ones get 413 before the project is looked up.</summary>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "Webhooks:MaxBodyBytes must be between 1024 and 268435456 (256 MiB).")]
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// How long the 401 of a delivery that fails verification is held back, as sshd and login systems delay a failed
    /// sign-in: a flood of forged deliveries then gets one answer per connection per delay instead of as many as the CPU
    /// allows, and valid senders keep the cores. Zero answers at once. A provider waits about 10 s for an answer, so
    /// a misconfigured secret still gets its clear 401.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05", ErrorMessage = "Webhooks:FailedVerificationDelay must be between 00:00:00 (off) and 00:00:05.")]
    public TimeSpan FailedVerificationDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At most this many held-back 401s at once. Each holds an open connection (never the body), so beyond the bound
    /// the 401 is sent at once and the connection closed: memory and sockets stay bounded.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Webhooks:MaxDelayedAnswers must be between 1 and 100000.")]
    public int MaxDelayedAnswers { get; set; } = 512;

    /// <summary>
    /// Failed verifications are logged once per project per interval at Warning (the first, with its delivery id and
    /// reason), then as a count at the end of the interval, so a flood cannot flood the log.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Webhooks:FailedVerificationLogInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan FailedVerificationLogInterval { get; set; } = TimeSpan.FromMinutes(1);
}
