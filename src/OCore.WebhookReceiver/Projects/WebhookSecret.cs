namespace OCore.WebhookReceiver.Projects;

/// <summary>One webhook secret of a project; <paramref name="ValidUntil"/> is set on the previous secret during a rotation.</summary>
public sealed record WebhookSecret(byte[] Value, DateTimeOffset? ValidUntil);
