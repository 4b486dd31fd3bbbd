
namespace OCore.DevCluster.Http;

/// <summary>Splits /api and /apis paths into group, version, namespace, resource, name and subresource.</summary>
internal static class RequestParser
{
    private static readonly HashSet<string> NamespaceSubresources = new(StringComparer.Ordinal) { "status", "finalize" };

    public static ApiRequest Parse(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var nonResource = new ApiRequest { Method = request.Method, Path = path, Verb = NonResourceVerb(request.Method) };
        string group;
        string version;
        List<string> rest;
        if (segments.Count >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], segments[2..]);
        }
        else if (segments.Count >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return nonResource;
        }
        var watchPath = false;
        if (rest[0] == "watch")
        {
            watchPath = true;
            rest = rest[1..];
        }
        var ns = "";
        if (rest.Count >= 2 && rest[0] == "namespaces")
        {
            ns = rest[1];
            if (rest.Count >= 3 && !NamespaceSubresources.Contains(rest[2]))
            {
                rest = rest[2..];
            }
        }
        if (rest.Count is 0 or > 3)
        {
            return nonResource;
        }
        var name = rest.Count > 1 ? rest[1] : "";
        var watch = watchPath || IsTrue(request.Query["watch"]);
        return new ApiRequest
        {
            Method = request.Method,
            Path = path,
            IsResource = true,
            Group = group,
            Version = version,
            Namespace = ns,
            Resource = rest[0],
            Name = name,
            Subresource = rest.Count > 2 ? rest[2] : "",
            Verb = ResourceVerb(request.Method, name.Length > 0, watch),
        };
    }

    public static bool IsTrue(string? value) => value is "true" or "1" or "True";

    private static string ResourceVerb(string method, bool hasName, bool watch) => method switch
    {
        "GET" or "HEAD" => watch ? "watch" : hasName ? "get" : "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => hasName ? "delete" : "deletecollection",
        _ => method.ToLowerInvariant(),
    };

    private static string NonResourceVerb(string method) => method switch
    {
        "GET" or "HEAD" => "get",
        "POST" => "post",
        "PUT" => "put",
        "PATCH" => "patch",
        "DELETE" => "delete",
        _ => method.ToLowerInvariant(),
    };
}
