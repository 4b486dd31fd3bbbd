namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>A request the dashboard could not carry out, as the error page shows it; <see cref="Role"/> is the role that would allow it.</summary>
public sealed record Failure(int Status, string Title, string Message, string? Role, string? Namespace);
