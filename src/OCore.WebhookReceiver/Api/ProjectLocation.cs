namespace OCore.WebhookReceiver.Api;

/// <summary>Where a Project of the API's <c>{projectId}</c> lives.</summary>
internal sealed record ProjectLocation(string Namespace, string Name);
