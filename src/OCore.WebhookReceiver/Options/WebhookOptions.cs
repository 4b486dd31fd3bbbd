using System.ComponentModel.DataAnnotations;

namespace OCore.WebhookReceiver.Options;

/// <summary>Settings of the webhook endpoints, section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Largest accepted body; larger ones get 413 before the project is looked up.</summary>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "Webhooks:MaxBodyBytes must be between 1024 and 268435456 (256 MiB).")]
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;
}
