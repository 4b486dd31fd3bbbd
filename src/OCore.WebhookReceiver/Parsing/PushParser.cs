using System.Text.Json;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>Reads one provider's push payload; throws <see cref="PayloadException"/> naming the field at fault.</summary>
internal delegate PushEvent PushParser(JsonElement root, string deliveryId, string eventName);
