namespace OCore.WebhookReceiver.Delivery;

/// <summary>The headers of a delivery that the receiver needs, read once; <see cref="Error"/> names a missing or repeated one.</summary>
internal sealed record DeliveryHeaders(string? EventName, EventRoute? Route, string? DeliveryId, string? Signature, string? Error)
{
    private const int MaxDeliveryIdLength = 128;

    public static DeliveryHeaders Read(ProviderRules rules, IHeaderDictionary headers)
    {
        var eventName = RequestHeaders.Single(headers, rules.EventHeader, out var repeated);
        if (repeated)
            return new(null, null, null, null, Repeated(rules.EventHeader));
        if (eventName is null)
            return new(null, null, null, null, $"header '{rules.EventHeader}' is missing");

        var route = rules.Route(eventName);
        string? deliveryId = null;
        foreach (var name in route.DeliveryIdHeaders)
        {
            var value = RequestHeaders.Single(headers, name, out repeated);
            if (repeated)
                return new(eventName, route, null, null, Repeated(name));
            if (value is null)
                continue;
            // The id ends up in Deployment resources and logs: keep it short and printable.
            if (value.Length > MaxDeliveryIdLength || value.AsSpan().ContainsAnyExceptInRange('!', '~'))
                return new(eventName, route, null, null, $"header '{name}' is not a delivery id (at most {MaxDeliveryIdLength} printable ASCII characters)");
            deliveryId = value;
            break;
        }

        if (deliveryId is null && route.Kind == EventKind.Push)
            return new(eventName, route, null, null, $"header '{string.Join("' or '", route.DeliveryIdHeaders)}' is missing");

        var signature = RequestHeaders.Single(headers, rules.SignatureHeader, out repeated);
        if (repeated)
            return new(eventName, route, deliveryId, null, Repeated(rules.SignatureHeader));

        return new(eventName, route, deliveryId, signature, null);
    }

    private static string Repeated(string header) => $"header '{header}' appears more than once";
}
