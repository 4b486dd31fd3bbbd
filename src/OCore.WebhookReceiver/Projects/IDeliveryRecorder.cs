namespace OCore.WebhookReceiver.Projects;

/// <summary>Remembers the last verified delivery of a project, so people can see it in the Project's status.</summary>
public interface IDeliveryRecorder
{
    void Record(WebhookProject project, string? deliveryId, string? eventName, int statusCode, string result);
}
