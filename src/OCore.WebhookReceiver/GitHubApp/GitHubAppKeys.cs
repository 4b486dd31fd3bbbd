namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>The App's webhook secret (verifies App webhooks) and the key install states are signed with.</summary>
internal sealed record GitHubAppKeys(byte[] WebhookSecret, byte[] StateKey);
