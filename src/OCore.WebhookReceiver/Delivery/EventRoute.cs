using OCore.WebhookReceiver.Parsing;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>How one event name of a provider is handled.</summary>
/// <param name="Kind">Push, ping or other.</param>
/// <param name="DeliveryIdHeaders">The headers that carry the delivery id, the preferred one first; required for pushes.</param>
/// <param name="Parser">For pushes: the payload parser.</param>
internal sealed record EventRoute(EventKind Kind, IReadOnlyList<string> DeliveryIdHeaders, PushParser? Parser)
{
    /// <summary>For pushes: reads the body without building a JSON document; used instead of <see cref="Parser"/> when set.</summary>
    public PushReader? Reader { get; init; }

    public static EventRoute Push(PushParser parser, params string[] deliveryIdHeaders) =>
        new(EventKind.Push, deliveryIdHeaders, parser);

    public static EventRoute Ping(params string[] deliveryIdHeaders) => new(EventKind.Ping, deliveryIdHeaders, null);

    public static EventRoute Other(params string[] deliveryIdHeaders) => new(EventKind.Other, deliveryIdHeaders, null);
}
