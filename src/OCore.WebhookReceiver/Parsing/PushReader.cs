using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>
/// Reads one provider's push straight from the verified body, without a JSON document; throws
/// <see cref="PayloadException"/> as a <see cref="PushParser"/> does, naming the field at fault.
/// </summary>
internal delegate PushEvent PushReader(ReadOnlyMemory<byte> utf8Json, string deliveryId, string eventName);
