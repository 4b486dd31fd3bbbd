namespace OCore.WebhookReceiver.Endpoints;

/// <summary>An HTTP status with its body and, on 429, how long to wait.</summary>
internal sealed record WebhookAnswer(int StatusCode, WebhookResponse Body, TimeSpan? RetryAfter = null)
{
    /// <summary>A 401 for a delivery whose credential did not verify: its answer is held back (see FailedVerificationTarpit).</summary>
    public bool FailedVerification { get; init; }

    public static WebhookAnswer Error(int statusCode, string status, string message) =>
        new(statusCode, new WebhookResponse(status, message));

    public static WebhookAnswer BadRequest(string message) =>
        Error(StatusCodes.Status400BadRequest, WebhookStatus.BadRequest, message);

    public static WebhookAnswer Unauthorized(string message) =>
        Error(StatusCodes.Status401Unauthorized, WebhookStatus.Unauthorized, message) with { FailedVerification = true };
}
