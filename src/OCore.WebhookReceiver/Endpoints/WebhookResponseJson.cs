using System.Text.Json;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Endpoints;

/// <summary>The JSON of <see cref="WebhookResponse"/> in camelCase, null fields left out, as the web serializer defaults wrote it.</summary>
internal static class WebhookResponseJson
{
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText DeliveryId = JsonEncodedText.Encode("deliveryId");
    private static readonly JsonEncodedText Deployments = JsonEncodedText.Encode("deployments");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Environment = JsonEncodedText.Encode("environment");
    private static readonly JsonEncodedText Branch = JsonEncodedText.Encode("branch");
    private static readonly JsonEncodedText Commit = JsonEncodedText.Encode("commit");

    public static void Write(Utf8JsonWriter writer, WebhookResponse response)
    {
        writer.WriteStartObject();
        writer.WriteString(Status, response.Status);
        writer.WriteString(Message, response.Message);
        if (response.Event is not null)
            writer.WriteString(Event, response.Event);
        if (response.DeliveryId is not null)
            writer.WriteString(DeliveryId, response.DeliveryId);
        if (response.Deployments is not null)
            WriteDeployments(writer, response.Deployments);
        writer.WriteEndObject();
    }

    private static void WriteDeployments(Utf8JsonWriter writer, IReadOnlyList<QueuedDeployment> deployments)
    {
        writer.WriteStartArray(Deployments);
        foreach (var deployment in deployments)
        {
            writer.WriteStartObject();
            writer.WriteString(Name, deployment.Name);
            writer.WriteString(Environment, deployment.Environment);
            writer.WriteString(Branch, deployment.Branch);
            writer.WriteString(Commit, deployment.Commit);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
