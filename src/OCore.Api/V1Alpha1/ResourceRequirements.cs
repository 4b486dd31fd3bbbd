using System.ComponentModel;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

public sealed class ResourceRequirements
{
    [Description("Minimum resources, e.g. cpu: 500m, memory: 1Gi.")]
    [DictionaryValuePattern(Patterns.Quantity)]
    public Dictionary<string, string>? Requests { get; set; }

    [Description("Maximum resources.")]
    [DictionaryValuePattern(Patterns.Quantity)]
    public Dictionary<string, string>? Limits { get; set; }
}
