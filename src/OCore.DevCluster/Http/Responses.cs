using System.Globalization;
using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Http;

/// <summary>Writes answers: objects (or their Table/metadata views), Status errors and plain text.</summary>
internal static class Responses
{
    /// <summary>
    /// CRD versions share one storage without conversion (strategy None): an object read through another
    /// version only gets that version's apiVersion.
    /// </summary>
    public static JsonObject AsServedVersion(ResourceType type, JsonObject obj)
    {
        if (type.IsCustom)
        {
            obj["apiVersion"] = type.ApiVersion;
        }
        return obj;
    }

    public static async Task WriteObjectAsync(HttpContext context, int status, ResourceType type, JsonObject obj, WriteOptions? options = null)
    {
        obj = obj.GetString("kind") == "Status" ? obj : AsServedVersion(type, obj);
        foreach (var warning in options?.Warnings ?? [])
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "'", StringComparison.Ordinal)}\"");
        }
        var view = TableConverter.RequestedView(context.Request.Headers.Accept.ToString());
        if (view == "Table")
        {
            obj = TableConverter.ToTable(type, [obj], obj.ObjectAt("metadata").GetString("resourceVersion") ?? "", "", context.Request.Query["includeObject"]);
        }
        else if (view == "PartialObjectMetadata")
        {
            obj = TableConverter.PartialMetadata(obj);
        }
        await WriteJsonAsync(context, status, obj);
    }

    public static async Task WriteErrorAsync(HttpContext context, ApiException e)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        if (e.RetryAfterSeconds is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        }
        await WriteJsonAsync(context, e.Code, e.ToStatus());
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body.Compact(), context.RequestAborted);
    }

    public static async Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }
}
