using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

/// <summary>Which Odoo modules a deployment updates and installs, computed from the git diff.</summary>
public sealed class ModuleChanges
{
    [Description("Modules whose files or manifest version changed (odoo -u).")]
    public List<string> Update { get; set; } = [];

    [Description("Modules new in this commit (odoo -i).")]
    public List<string> Install { get; set; } = [];

    [Description("Modules deleted in this commit.")]
    public List<string> Removed { get; set; } = [];

    [Description("Whether a requirements.txt changed (Python dependencies are reinstalled by the build).")]
    public bool RequirementsChanged { get; set; }
}
