namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>One of the spec's troubleshooting cases, shown where it happens: what is wrong, what to do, and the fix.</summary>
public sealed record Hint(string Problem, string Advice, HintAction? Action);
