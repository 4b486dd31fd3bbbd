using System.Text.Json.Nodes;

namespace OCore.Testing.FakeGitHub;

/// <summary>A request as a fake server received it: the raw target keeps escapes such as %2F.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public bool IsWrite => Method != "GET";

    public override string ToString() => $"{Method} {RawTarget}";
}
