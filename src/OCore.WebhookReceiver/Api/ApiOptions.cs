using System.ComponentModel.DataAnnotations;

namespace OCore.WebhookReceiver.Api;

/// <summary>Settings of the management REST API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>How long a request waits for the operator to act (new key, new secret, connection) before answering 202.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Api:OperatorWait must be between 0 and 1 minute")]
    public TimeSpan OperatorWait { get; set; } = TimeSpan.FromSeconds(10);
}
