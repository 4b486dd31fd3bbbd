namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>What every page's frame shows: title, who is signed in, where they are, the form token and a notice.</summary>
public sealed record PageFrame(string Title, string? User, string? Namespace, string? Project, string? Tab, FormToken? Form, string? Notice);
