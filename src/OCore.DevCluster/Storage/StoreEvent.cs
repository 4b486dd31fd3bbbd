using System.Text.Json.Nodes;

namespace OCore.DevCluster.Storage;

/// <summary>One committed change; <see cref="Old"/> lets watchers see objects move into or out of a selector.</summary>
internal sealed record StoreEvent(string Type, string GroupResource, JsonObject Object, JsonObject? Old, long Revision, DateTimeOffset Time)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
