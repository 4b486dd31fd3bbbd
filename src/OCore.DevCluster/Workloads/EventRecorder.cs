using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;

namespace OCore.DevCluster.Workloads;

/// <summary>Writes core/v1 Events for the simulated controllers' transitions, so kubectl describe shows them.</summary>
internal sealed class EventRecorder(ResourceOperations operations)
{
    public void Normal(JsonObject involved, string reason, string message, string component) => Record(involved, "Normal", reason, message, component);

    public void Warning(JsonObject involved, string reason, string message, string component) => Record(involved, "Warning", reason, message, component);

    private void Record(JsonObject involved, string type, string reason, string message, string component)
    {
        var events = operations.Registry.Find("", "v1", "events")!;
        var now = operations.Now();
        var ns = involved.Namespace().Length > 0 ? involved.Namespace() : "default";
        var evt = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = $"{involved.Name()}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}", ["namespace"] = ns },
            ["involvedObject"] = new JsonObject
            {
                ["kind"] = involved.GetString("kind"),
                ["namespace"] = involved.Namespace(),
                ["name"] = involved.Name(),
                ["uid"] = involved.Uid(),
                ["apiVersion"] = involved.GetString("apiVersion"),
                ["resourceVersion"] = involved.ObjectAt("metadata").GetString("resourceVersion"),
            },
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = 1,
            ["type"] = type,
            ["reportingComponent"] = component,
            ["reportingInstance"] = "devcluster",
        };
        try
        {
            operations.Create(events, ns, evt, WriteOptions.System(component));
        }
        catch (ApiException e) when (e.Code is 403 or 404)
        {
            // The namespace is terminating or gone: the event has nowhere to go.
        }
    }
}
