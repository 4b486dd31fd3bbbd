namespace OCore.DevCluster.Operations;

/// <summary>Query options of a create/update/patch request (dryRun, fieldManager, fieldValidation, force).</summary>
internal sealed class WriteOptions
{
    public static WriteOptions System(string manager) => new() { FieldManager = manager, FieldValidation = "Ignore" };

    public bool DryRun { get; init; }

    public string? FieldManager { get; init; }

    /// <summary>Strict, Warn or Ignore; unknown fields of custom resources are rejected, warned about or dropped.</summary>
    public string FieldValidation { get; init; } = "Warn";

    public bool Force { get; init; }

    /// <summary>Checks that depend on who is writing (RBAC escalation prevention); null for system writes.</summary>
    public Action<Resources.ResourceType, System.Text.Json.Nodes.JsonObject>? Admission { get; init; }

    /// <summary>Warnings to return in Warning headers.</summary>
    public List<string> Warnings { get; } = [];
}
