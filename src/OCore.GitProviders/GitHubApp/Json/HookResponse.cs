using System.Text.Json;

namespace OCore.GitProviders.GitHubApp.Json;

/// <summary>
/// An item of <c>GET /repos/{owner}/{repo}/hooks</c>. <c>config</c> values vary in type (<c>insecure_ssl</c> is a
/// string or a number) and the secret comes back masked, so config stays loosely typed.
/// </summary>
internal sealed record HookResponse(long Id, string? Name, bool Active, IReadOnlyList<string>? Events, Dictionary<string, JsonElement>? Config);
