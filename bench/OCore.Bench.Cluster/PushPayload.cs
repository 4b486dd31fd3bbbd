using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OCore.Bench.Cluster;

/// <summary>
/// The realistic GitHub push from bench/load/make-payload.mjs (the one figure 1's decide path sends), re-aimed at
/// a repository, a branch and a new commit for each request, and signed as GitHub signs it.
/// </summary>
internal sealed class PushPayload
{
    private readonly string _template;
    private readonly string _after;
    private readonly byte[] _secret;

    public PushPayload(string templatePath, string repositoryFullName, string branch, byte[] secret)
    {
        var push = JsonNode.Parse(File.ReadAllText(templatePath))!.AsObject();
        push["ref"] = $"refs/heads/{branch}";
        push["repository"]!["full_name"] = repositoryFullName;
        _after = push["after"]!.GetValue<string>();
        _template = push.ToJsonString();
        _secret = secret;
    }

    /// <summary>The body announcing <paramref name="commit"/> as the branch's new head, and its X-Hub-Signature-256.</summary>
    public (byte[] Body, string Signature) For(string commit)
    {
        var body = Encoding.UTF8.GetBytes(_template.Replace(_after, commit, StringComparison.Ordinal));
        return (body, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, body)));
    }

    public static HttpRequestMessage Request(string path, byte[] body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", signature);
        return request;
    }
}
