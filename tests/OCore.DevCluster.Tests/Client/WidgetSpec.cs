using System.Text.Json.Serialization;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Widget spec.</summary>
public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; }

    [JsonPropertyName("color")]
    public string? Color { get; set; }
}
