namespace OCore.WebhookReceiver.Push;

/// <summary>A Deployment resource the handler created (or found already created) for a push.</summary>
public sealed record QueuedDeployment(string Name, string Environment, string Branch, string Commit);
