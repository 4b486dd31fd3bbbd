using System.Text.Json.Nodes;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Workloads;

/// <summary>Sets status conditions, touching timestamps only when a condition actually changes.</summary>
internal static class Conditions
{
    public static JsonObject? Find(JsonObject? status, string type) =>
        (status?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == type);

    public static bool IsTrue(JsonObject? status, string type) => Find(status, type).GetString("status") == "True";

    public static void Set(JsonObject status, string type, string value, string reason, string message, string now, bool withUpdateTime = false)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            conditions = [];
            status["conditions"] = conditions;
        }
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == type);
        if (existing is not null && existing.GetString("status") == value && existing.GetString("reason") == reason && existing.GetString("message") == message)
        {
            return;
        }
        var transition = existing is not null && existing.GetString("status") == value ? existing.GetString("lastTransitionTime") ?? now : now;
        var condition = new JsonObject { ["type"] = type, ["status"] = value };
        if (withUpdateTime)
        {
            condition["lastUpdateTime"] = now;
        }
        condition["lastTransitionTime"] = transition;
        condition["reason"] = reason;
        condition["message"] = message;
        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }
    }
}
