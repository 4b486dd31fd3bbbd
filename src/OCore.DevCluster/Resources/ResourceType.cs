using System.Text.Json.Nodes;

namespace OCore.DevCluster.Resources;

/// <summary>Everything DevCluster knows about one served resource (a built-in kind or a CRD version).</summary>
internal sealed class ResourceType
{
    public static readonly IReadOnlyList<string> AllVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Kind { get; init; }

    public required string Plural { get; init; }

    public required bool Namespaced { get; init; }

    public string Singular { get; init; } = "";

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Verbs { get; init; } = AllVerbs;

    /// <summary>Served subresources other than status (e.g. "log" for pods, "token" for service accounts).</summary>
    public IReadOnlyList<string> ExtraSubresources { get; init; } = [];

    public bool HasStatus { get; init; }

    /// <summary>metadata.generation is maintained (custom resources and spec-carrying built-ins).</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>PUT without metadata.resourceVersion is allowed (Secret, ConfigMap, Lease...), as in kube-apiserver.</summary>
    public bool AllowUnconditionalUpdate { get; init; }

    /// <summary>An immediate DELETE answers with the object rather than a Success Status.</summary>
    public bool DeleteReturnsObject { get; init; }

    /// <summary>Create-only review kinds (TokenReview, SubjectAccessReview...) that are answered, never stored.</summary>
    public bool IsReview { get; init; }

    public bool IsCustom { get; init; }

    /// <summary>Structural schema (openAPIV3Schema) of a custom resource version.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>Compiled x-kubernetes-validations of a custom resource version.</summary>
    public Crds.CelRuleSet? Rules { get; init; }

    public IReadOnlyList<PrinterColumn> Columns { get; init; } = [];

    /// <summary>Set when this version is stored under another resource's storage (events.k8s.io/v1 → core events).</summary>
    public string? SharedStorage { get; init; }

    public IStorageConversion? Conversion { get; init; }

    /// <summary>The store bucket of this resource.</summary>
    public string Storage => SharedStorage ?? GroupResource;

    public JsonObject ToStorage(JsonObject obj) => Conversion?.ToStorage(obj) ?? obj;

    public JsonObject FromStorage(JsonObject obj) => Conversion?.FromStorage(obj) ?? obj;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string ListKind => Kind + "List";

    public string SingularName => Singular.Length > 0 ? Singular : Kind.ToLowerInvariant();

    public string GroupVersionPath => Group.Length == 0 ? $"api/{Version}" : $"apis/{Group}/{Version}";
}
