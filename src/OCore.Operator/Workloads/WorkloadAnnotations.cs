namespace OCore.Operator.Workloads;

/// <summary>Annotations oCore puts on the Odoo pods it runs.</summary>
public static class WorkloadAnnotations
{
    /// <summary>The commit the pod runs, for people reading the pod.</summary>
    public const string Commit = "ocore.io/commit";

    /// <summary>A hash of odoo.conf: a changed configuration rolls the pods, which read it only at start.</summary>
    public const string ConfigHash = "ocore.io/config-hash";
}
