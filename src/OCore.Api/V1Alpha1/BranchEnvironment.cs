using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

/// <summary>A per-branch Environment created from a mapping's template.</summary>
public sealed class BranchEnvironment
{
    [Description("The branch.")]
    public string Branch { get; set; } = "";

    [Description("The Environment created for it.")]
    public string Name { get; set; } = "";
}
