using System.Text.Json.Serialization;

namespace OCore.Api.V1Alpha1;

[JsonConverter(typeof(JsonStringEnumConverter<Stage>))]
public enum Stage
{
    [JsonStringEnumMemberName("production")]
    Production,

    [JsonStringEnumMemberName("staging")]
    Staging,

    [JsonStringEnumMemberName("development")]
    Development,
}
