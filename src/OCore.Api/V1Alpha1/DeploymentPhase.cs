using System.Text.Json.Serialization;

namespace OCore.Api.V1Alpha1;

[JsonConverter(typeof(JsonStringEnumConverter<DeploymentPhase>))]
public enum DeploymentPhase
{
    Pending,
    Building,
    UpdatingModules,
    RollingOut,
    Succeeded,
    Failed,
    Superseded,
}
