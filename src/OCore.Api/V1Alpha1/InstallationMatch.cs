using System.Text.Json.Serialization;

namespace OCore.Api.V1Alpha1;

[JsonConverter(typeof(JsonStringEnumConverter<InstallationMatch>))]
public enum InstallationMatch
{
    [JsonStringEnumMemberName("owner")]
    Owner,

    [JsonStringEnumMemberName("fallback")]
    Fallback,
}
