using System.Text;
using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Protobuf;

namespace OCore.DevCluster.Http;

/// <summary>Reads request bodies (JSON, YAML or protobuf) and the write/delete options of the query string.</summary>
internal static class RequestBodies
{
    public const string ProtobufMediaType = "application/vnd.kubernetes.protobuf";

    public static WriteOptions WriteOptionsOf(HttpContext context, Action<Resources.ResourceType, JsonObject>? admission = null)
    {
        var query = context.Request.Query;
        var manager = query["fieldManager"].ToString();
        if (manager.Length == 0 && MediaType(context.Request.ContentType) != "application/apply-patch+yaml")
        {
            // kube-apiserver names the manager after the client's user agent when none is given.
            manager = context.Request.Headers.UserAgent.ToString().Split('/')[0];
        }
        return new WriteOptions
        {
            DryRun = query["dryRun"] == "All",
            FieldManager = manager,
            FieldValidation = query["fieldValidation"].ToString() is { Length: > 0 } v ? v : "Warn",
            Force = RequestParser.IsTrue(query["force"]),
            Admission = admission,
        };
    }

    public static async Task<DeleteOptions> DeleteOptionsOf(HttpContext context)
    {
        var query = context.Request.Query;
        var bytes = await ReadBytesAsync(context);
        var json = bytes.Length == 0 ? new JsonObject()
            : MediaType(context.Request.ContentType) == ProtobufMediaType ? ProtoDecoder.DecodeDeleteOptions(bytes)
            : Encoding.UTF8.GetString(bytes).Trim().Length > 0 ? ParseJson(Encoding.UTF8.GetString(bytes)) : new JsonObject();
        var policy = json.GetString("propagationPolicy") ?? (query["propagationPolicy"].ToString() is { Length: > 0 } p ? p : null);
        if (policy is null && json.GetBool("orphanDependents") == true)
        {
            policy = "Orphan";
        }
        var dryRun = JsonExtensions.StringList(json["dryRun"]).Contains("All") || query["dryRun"] == "All";
        return new DeleteOptions
        {
            PropagationPolicy = policy,
            PreconditionUid = json.ObjectAt("preconditions").GetString("uid"),
            PreconditionResourceVersion = json.ObjectAt("preconditions").GetString("resourceVersion"),
            DryRun = dryRun,
        };
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        var bytes = await ReadBytesAsync(context);
        var mediaType = MediaType(context.Request.ContentType);
        if (mediaType == ProtobufMediaType)
        {
            return ProtoDecoder.Decode(bytes);
        }
        var body = Encoding.UTF8.GetString(bytes);
        return mediaType switch
        {
            "application/yaml" => ParseYaml(body),
            "application/json" or "*/*" or "" => ParseJson(body),
            // 415 makes client-go fall back from CBOR to JSON.
            _ => throw new ApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, {ProtobufMediaType}"),
        };
    }

    private static JsonObject ParseYaml(string body)
    {
        try
        {
            return YamlToJson.Parse(body) as JsonObject ?? throw ApiErrors.BadRequest("the body must be an object");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw ApiErrors.BadRequest($"error decoding YAML: {e.Message}");
        }
    }

    public static JsonObject ParseJson(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw ApiErrors.BadRequest("the body must be a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw ApiErrors.BadRequest($"error decoding body: {e.Message}");
        }
    }

    public static async Task<string> ReadBodyAsync(HttpContext context) => Encoding.UTF8.GetString(await ReadBytesAsync(context));

    public static async Task<byte[]> ReadBytesAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    public static string MediaType(string? contentType) => (contentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();
}
