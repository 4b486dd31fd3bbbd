using System.Text.Json.Nodes;

namespace OCore.DevCluster.Resources;

/// <summary>Converts a served version to and from the storage version when two API versions share storage.</summary>
internal interface IStorageConversion
{
    JsonObject ToStorage(JsonObject served);

    JsonObject FromStorage(JsonObject stored);
}
