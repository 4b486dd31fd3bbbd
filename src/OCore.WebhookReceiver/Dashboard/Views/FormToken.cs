namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>The antiforgery field every form of a page carries.</summary>
public sealed record FormToken(string FieldName, string Value);
