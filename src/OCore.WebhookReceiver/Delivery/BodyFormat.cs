namespace OCore.WebhookReceiver.Delivery;

internal enum BodyFormat
{
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c> with the JSON in the <c>payload</c> field (GitHub only).</summary>
    Form,
}
