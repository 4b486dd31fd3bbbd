using System.Text.Json.Nodes;

namespace OCore.Testing.FakeGitHub;

/// <summary>A repository webhook as GitHub stores it; <see cref="Config"/> holds the real secret.</summary>
public sealed class FakeHook
{
    public required long Id { get; init; }

    public JsonObject Config { get; set; } = [];

    public List<string> Events { get; set; } = ["push"];

    public bool Active { get; set; } = true;

    public string? Secret => Config["secret"]?.GetValue<string>();

    public string? Url => Config["url"]?.GetValue<string>();
}
