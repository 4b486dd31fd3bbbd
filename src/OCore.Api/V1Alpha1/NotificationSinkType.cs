using System.Text.Json.Serialization;

namespace OCore.Api.V1Alpha1;

[JsonConverter(typeof(JsonStringEnumConverter<NotificationSinkType>))]
public enum NotificationSinkType
{
    [JsonStringEnumMemberName("webhook")]
    Webhook,

    [JsonStringEnumMemberName("slack")]
    Slack,
}
