namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>The fix for a problem: a link to follow, or a form button that posts (an action that changes something).</summary>
public sealed record HintAction(string Label, string Url, bool Post);
