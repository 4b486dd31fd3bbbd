using System.ComponentModel;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

/// <summary>What every status carries, in the kstatus shape that kubectl wait, Argo CD and Flux understand.</summary>
public abstract class ResourceStatus
{
    [Description("The metadata.generation this status describes.")]
    public long? ObservedGeneration { get; set; }

    [Description("Current state; Ready summarises the others.")]
    [ListMap("type")]
    public List<Condition> Conditions { get; set; } = [];
}
