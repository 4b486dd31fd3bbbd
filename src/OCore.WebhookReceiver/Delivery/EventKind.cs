namespace OCore.WebhookReceiver.Delivery;

/// <summary>What the receiver does with an event, once verified.</summary>
internal enum EventKind
{
    /// <summary>A push: parsed and handed to the push handler.</summary>
    Push,

    /// <summary>A provider's connection test: acknowledged with 200.</summary>
    Ping,

    /// <summary>Any other event: acknowledged with 200 and ignored.</summary>
    Other,
}
