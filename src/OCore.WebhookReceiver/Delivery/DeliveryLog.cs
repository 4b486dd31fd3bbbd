namespace OCore.WebhookReceiver.Delivery;

/// <summary>
/// The receiver's log lines. They carry ids and results, never a secret, signature or token. Provider and interval
/// are passed as text, so every format writes them the same way (a plain word, not a quoted JSON value).
/// </summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 1, Message = "Webhook {Provider} {EventName} delivery {DeliveryId} for project {ProjectId}: {StatusCode} {Result}: {Detail}")]
    public static partial void Answered(
        ILogger logger, LogLevel level, string provider, string? eventName, string? deliveryId, string projectId, int statusCode, string result, string detail);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Push handler failed for delivery {DeliveryId} of project {ProjectId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string? deliveryId, string projectId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message =
        "Webhook {Provider} {EventName} delivery {DeliveryId} for project {ProjectId} failed verification: {Detail}; further failures of this project are counted and reported every {Interval}")]
    public static partial void FailedVerification(
        ILogger logger, string provider, string? eventName, string? deliveryId, string projectId, string detail, string interval);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message =
        "Webhook {Provider} {EventName} delivery {DeliveryId} failed verification: no project of this provider has the id {ProjectId}; further deliveries to unknown ids are counted and reported every {Interval}")]
    public static partial void UnknownProject(
        ILogger logger, string provider, string? eventName, string? deliveryId, string projectId, string interval);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Count} more webhook deliveries for project {ProjectId} failed verification in the last {Interval}")]
    public static partial void MoreFailedVerifications(ILogger logger, long count, string projectId, string interval);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Count} more webhook deliveries for unknown project ids failed verification in the last {Interval}")]
    public static partial void MoreUnknownProjects(ILogger logger, long count, string interval);
}
