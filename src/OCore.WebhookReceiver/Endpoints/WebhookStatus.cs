namespace OCore.WebhookReceiver.Endpoints;

/// <summary>The <c>status</c> words of <see cref="WebhookResponse"/>.</summary>
public static class WebhookStatus
{
    public const string Queued = "queued";
    public const string Ignored = "ignored";
    public const string Duplicate = "duplicate";
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RateLimited = "rate_limited";
    public const string Unavailable = "unavailable";
}
