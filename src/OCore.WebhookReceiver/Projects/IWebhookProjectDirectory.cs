namespace OCore.WebhookReceiver.Projects;

/// <summary>Finds projects by the id in the webhook URL. Served from a watch cache: no I/O per request.</summary>
public interface IWebhookProjectDirectory
{
    WebhookProject? Find(string projectId);
}
