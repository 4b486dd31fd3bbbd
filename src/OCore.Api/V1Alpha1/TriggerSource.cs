using System.Text.Json.Serialization;

namespace OCore.Api.V1Alpha1;

[JsonConverter(typeof(JsonStringEnumConverter<TriggerSource>))]
public enum TriggerSource
{
    [JsonStringEnumMemberName("webhook")]
    Webhook,

    [JsonStringEnumMemberName("poll")]
    Poll,

    [JsonStringEnumMemberName("manual")]
    Manual,
}
