using System.Text.Json.Serialization;

namespace OCore.Api.V1Alpha1;

[JsonConverter(typeof(JsonStringEnumConverter<StepState>))]
public enum StepState
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Skipped,
    Cancelled,
}
