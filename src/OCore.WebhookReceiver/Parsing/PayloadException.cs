namespace OCore.WebhookReceiver.Parsing;

/// <summary>A verified body that oCore cannot use; the message names what is wrong and becomes the 400 answer.</summary>
public sealed class PayloadException(string message) : Exception(message);
