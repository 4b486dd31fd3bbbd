using System.Text.Json.Nodes;

namespace OCore.DevCluster.Storage;

/// <summary>One page of a list: its objects, the key to continue after (null on the last page), the count left.</summary>
internal sealed record StorePage(List<JsonObject> Items, string? ContinueAfter, int Remaining, long Revision);
