using System.Text.Json.Nodes;

namespace OCore.DevCluster.Resources;

/// <summary>
/// events.k8s.io/v1 Events are stored as core/v1 Events (as in kube-apiserver), so both APIs and
/// kubectl describe see the same events.
/// </summary>
internal sealed class EventsV1Conversion : IStorageConversion
{
    /// <summary>events.k8s.io/v1 field → core/v1 field; fields with the same name in both are copied as is.</summary>
    private static readonly (string V1, string Core)[] Renamed =
    [
        ("regarding", "involvedObject"),
        ("note", "message"),
        ("reportingController", "reportingComponent"),
        ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"),
        ("deprecatedCount", "count"),
    ];

    public JsonObject ToStorage(JsonObject served) => Convert(served, "v1", "Event", toCore: true);

    public JsonObject FromStorage(JsonObject stored) => Convert(stored, "events.k8s.io/v1", "Event", toCore: false);

    private static JsonObject Convert(JsonObject source, string apiVersion, string kind, bool toCore)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            var rename = Renamed.FirstOrDefault(r => (toCore ? r.V1 : r.Core) == key);
            var target = rename == default ? key : toCore ? rename.Core : rename.V1;
            result[target] = value?.DeepClone();
        }
        result["apiVersion"] = apiVersion;
        result["kind"] = kind;
        return result;
    }
}
