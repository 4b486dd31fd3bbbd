using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OCore.DevCluster.Faults;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Rbac;
using OCore.DevCluster.Resources;
using OCore.DevCluster.Security;
using OCore.DevCluster.Selectors;
using OCore.DevCluster.Watch;

namespace OCore.DevCluster.Http;

/// <summary>
/// The request pipeline: fault injection, authentication, impersonation, RBAC, then discovery/OpenAPI or
/// the resource verbs. Every error leaves as a metav1.Status body.
/// </summary>
internal sealed class ApiHandler(
    ResourceOperations operations,
    TokenAuthenticator authenticator,
    AccessControl access,
    EscalationCheck escalation,
    AccessReviews reviews,
    WatchStreamer watches,
    DevClusterFaults faults,
    Workloads.DevClusterWorkloads workloads,
    ILogger logger)
{
    private readonly Discovery _discovery = new(operations.Registry);
    private readonly OpenApi _openApi = new(operations.Registry);

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var request = RequestParser.Parse(context.Request);
            await faults.ApplyAsync(new FaultRequest(request.Method, request.Path, request.Verb, request.Resource, request.Namespace, request.Name), context.RequestAborted);
            if (request.Path is "/healthz" or "/livez" or "/readyz")
            {
                await Responses.WriteTextAsync(context, 200, "ok");
                return;
            }
            var user = access.Authenticate(context);
            user = access.Impersonate(context, user);
            access.Authorize(new RequestAttributes(user, request.Verb, request.IsResource, request.Group, request.Resource, request.Subresource, request.Namespace, request.Name, request.Path));
            if (request.IsResource)
            {
                await ServeResourceAsync(context, request, user);
            }
            else
            {
                await ServeNonResourceAsync(context, request);
            }
        }
        catch (ApiException e)
        {
            await Responses.WriteErrorAsync(context, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything unexpected (e.g. a body of the wrong shape) still answers with a Status, as kube does.
            logger.LogWarning(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await Responses.WriteErrorAsync(context, ApiErrors.Internal(e.Message));
        }
    }

    private async Task ServeNonResourceAsync(HttpContext context, ApiRequest request)
    {
        var accept = context.Request.Headers.Accept.ToString();
        var segments = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        JsonObject? body = null;
        var contentType = "application/json";
        switch (segments)
        {
            case ["version"]:
                body = Discovery.Version();
                break;
            case ["api"] when Discovery.WantsAggregated(accept):
            case ["apis"] when Discovery.WantsAggregated(accept):
                body = _discovery.Aggregated(core: segments[0] == "api");
                contentType = Discovery.AggregatedContentType;
                break;
            case ["api"]:
                body = Discovery.CoreVersions(context.Request.Host.Value ?? "127.0.0.1");
                break;
            case ["apis"]:
                body = _discovery.GroupList();
                break;
            case ["api", var version]:
                body = _discovery.ResourceList("", version);
                break;
            case ["apis", var group]:
                body = _discovery.Group(group);
                break;
            case ["apis", var group, var version]:
                body = _discovery.ResourceList(group, version);
                break;
            case ["openapi", "v3"]:
                body = _openApi.Index();
                break;
            case ["openapi", "v3", .. var rest]:
                body = _openApi.Document(string.Join('/', rest));
                break;
        }
        if (body is null || request.Method != "GET")
        {
            throw ApiErrors.UnknownPath();
        }
        await Responses.WriteJsonAsync(context, 200, body, contentType);
    }

    private async Task ServeResourceAsync(HttpContext context, ApiRequest request, UserInfo user)
    {
        var type = operations.Registry.Find(request.Group, request.Version, request.Resource) ?? throw ApiErrors.UnknownPath();
        var ns = type.Namespaced ? request.Namespace : "";
        if (!type.Namespaced && request.Namespace.Length > 0 && request.Resource != "namespaces")
        {
            throw ApiErrors.UnknownPath();
        }
        if (type.Namespaced && ns.Length == 0 && request.Verb is not ("list" or "watch" or "deletecollection"))
        {
            throw ApiErrors.UnknownPath();
        }
        if (!type.Verbs.Contains(request.Verb) && request.Subresource.Length == 0)
        {
            throw ApiErrors.MethodNotAllowed(request.Verb);
        }
        if (type.IsReview)
        {
            var review = reviews.Answer(type, ns, await RequestBodies.ReadObjectAsync(context), user);
            await Responses.WriteJsonAsync(context, 201, review);
            return;
        }
        switch (request.Subresource)
        {
            case "":
                await ServeMainAsync(context, request, type, ns, user);
                break;
            case "status" when type.HasStatus:
            case "finalize" when type.GroupResource == "namespaces":
                await ServeStatusAsync(context, request, type, ns, user);
                break;
            case "log" when type.GroupResource == "pods" && request.Verb == "get":
                var pod = operations.Get(type, ns, request.Name);
                await Responses.WriteTextAsync(context, 200, Workloads.PodLogs.For(pod, context.Request.Query["container"], workloads));
                break;
            case "scale" when type.ExtraSubresources.Contains("scale"):
                await ServeScaleAsync(context, request, type, ns, user);
                break;
            case "token" when type.GroupResource == "serviceaccounts" && request.Verb == "create":
                await Responses.WriteJsonAsync(context, 201, IssueToken(type, ns, request.Name, await RequestBodies.ReadObjectAsync(context)));
                break;
            default:
                throw ApiErrors.UnknownPath();
        }
    }

    private async Task ServeMainAsync(HttpContext context, ApiRequest request, ResourceType type, string ns, UserInfo user)
    {
        var query = context.Request.Query;
        switch (request.Verb)
        {
            case "get":
                await Responses.WriteObjectAsync(context, 200, type, operations.Get(type, ns, request.Name));
                break;
            case "list":
                await WriteListAsync(context, type, ns);
                break;
            case "watch":
                await WatchAsync(context, type, ns);
                break;
            case "create":
                var created = operations.Create(type, ns, await RequestBodies.ReadObjectAsync(context), Options(context, user));
                await Responses.WriteObjectAsync(context, 201, type, created);
                break;
            case "update":
                var options = Options(context, user);
                var updated = operations.Update(type, ns, request.Name, await RequestBodies.ReadObjectAsync(context), null, options);
                await Responses.WriteObjectAsync(context, 200, type, updated, options);
                break;
            case "patch":
                await PatchAsync(context, request, type, ns, null, user);
                break;
            case "delete":
                await Responses.WriteJsonAsync(context, 200, operations.Delete(type, ns, request.Name, await RequestBodies.DeleteOptionsOf(context)));
                break;
            case "deletecollection":
                var labels = LabelSelector.Parse(query["labelSelector"]);
                var fields = FieldSelector.Parse(query["fieldSelector"]);
                var result = operations.DeleteCollection(type, ns.Length > 0 ? ns : null, o => labels.Matches(o) && fields.Matches(o), await RequestBodies.DeleteOptionsOf(context));
                await Responses.WriteJsonAsync(context, 200, result);
                break;
            default:
                throw ApiErrors.MethodNotAllowed(request.Verb);
        }
    }

    private async Task ServeStatusAsync(HttpContext context, ApiRequest request, ResourceType type, string ns, UserInfo user)
    {
        switch (request.Verb)
        {
            case "get":
                await Responses.WriteObjectAsync(context, 200, type, operations.Get(type, ns, request.Name));
                break;
            case "update":
                var options = Options(context, user);
                var updated = operations.Update(type, ns, request.Name, await RequestBodies.ReadObjectAsync(context), request.Subresource, options);
                await Responses.WriteObjectAsync(context, 200, type, updated, options);
                break;
            case "patch":
                await PatchAsync(context, request, type, ns, request.Subresource, user);
                break;
            default:
                throw ApiErrors.MethodNotAllowed(request.Verb);
        }
    }

    /// <summary>autoscaling/v1 Scale view of a Deployment or ReplicaSet (kubectl scale).</summary>
    private async Task ServeScaleAsync(HttpContext context, ApiRequest request, ResourceType type, string ns, UserInfo user)
    {
        var current = operations.Get(type, ns, request.Name);
        if (request.Verb == "get")
        {
            await Responses.WriteJsonAsync(context, 200, ScaleView.From(current));
            return;
        }
        JsonObject desired = request.Verb switch
        {
            "update" => await RequestBodies.ReadObjectAsync(context),
            "patch" => ScaleView.Patch(ScaleView.From(current), RequestBodies.MediaType(context.Request.ContentType), await RequestBodies.ReadBodyAsync(context)),
            _ => throw ApiErrors.MethodNotAllowed(request.Verb),
        };
        var updated = ScaleView.Apply(operations, type, current, desired, Options(context, user));
        await Responses.WriteJsonAsync(context, 200, ScaleView.From(updated));
    }

    private async Task PatchAsync(HttpContext context, ApiRequest request, ResourceType type, string ns, string? subresource, UserInfo user)
    {
        var contentType = RequestBodies.MediaType(context.Request.ContentType);
        var body = await RequestBodies.ReadBodyAsync(context);
        var options = Options(context, user);
        var (obj, created) = operations.Patch(type, ns, request.Name, contentType, body, subresource, options);
        await Responses.WriteObjectAsync(context, created ? 201 : 200, type, obj, options);
    }

    private async Task WriteListAsync(HttpContext context, ResourceType type, string ns)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"]);
        var listed = operations.ListPage(type, ns.Length > 0 ? ns : null, o => labels.Matches(o) && fields.Matches(o),
            Paging.ContinueAfter(query["continue"]), Paging.Limit(query["limit"]));
        var page = listed.Items;
        var revision = listed.Revision.ToString(CultureInfo.InvariantCulture);
        var continueToken = Paging.Token(listed.ContinueAfter);
        var view = TableConverter.RequestedView(context.Request.Headers.Accept.ToString());
        if (view == "Table")
        {
            await Responses.WriteJsonAsync(context, 200, TableConverter.ToTable(type, page, revision, continueToken, query["includeObject"]));
            return;
        }
        if (view == "PartialObjectMetadata")
        {
            await Responses.WriteJsonAsync(context, 200, TableConverter.PartialMetadataList(page, revision));
            return;
        }
        var metadata = new JsonObject { ["resourceVersion"] = revision };
        if (continueToken.Length > 0)
        {
            metadata["continue"] = continueToken;
            metadata["remainingItemCount"] = listed.Remaining;
        }
        await Responses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page.Select(o => Responses.AsServedVersion(type, o))]),
        });
    }

    private async Task WatchAsync(HttpContext context, ResourceType type, string ns)
    {
        var query = context.Request.Query;
        bool? sendInitialEvents = query.ContainsKey("sendInitialEvents") ? RequestParser.IsTrue(query["sendInitialEvents"]) : null;
        var allowBookmarks = RequestParser.IsTrue(query["allowWatchBookmarks"]);
        if (sendInitialEvents is not null)
        {
            var errors = new List<FieldError>();
            if (query["resourceVersionMatch"] != "NotOlderThan")
            {
                errors.Add(FieldError.Forbidden("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
            }
            if (sendInitialEvents == true && !allowBookmarks)
            {
                errors.Add(FieldError.Forbidden("allowWatchBookmarks", "allowWatchBookmarks must be set to true when sendInitialEvents is specified"));
            }
            if (errors.Count > 0)
            {
                throw new ApiException(422, "Invalid", "ListOptions.meta.k8s.io \"\" is invalid: " + string.Join(", ", errors),
                    new JsonObject { ["group"] = "meta.k8s.io", ["kind"] = "ListOptions" });
            }
        }
        var timeout = int.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : (int?)null;
        var parameters = new WatchParameters(query["resourceVersion"], sendInitialEvents, allowBookmarks, timeout,
            LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"]));
        Func<JsonObject, JsonObject> render = TableConverter.RequestedView(context.Request.Headers.Accept.ToString()) == "Table"
            ? o => TableConverter.ToTable(type, [o], o.ObjectAt("metadata").GetString("resourceVersion") ?? "", "", query["includeObject"])
            : o => Responses.AsServedVersion(type, o.CloneObject());
        await watches.StreamAsync(context, type, ns.Length > 0 ? ns : null, parameters, render);
    }

    /// <summary>Write options of the request, with the checks that depend on the caller's identity.</summary>
    private WriteOptions Options(HttpContext context, UserInfo user) =>
        RequestBodies.WriteOptionsOf(context, (type, obj) => escalation.Check(user, type, obj));

    private JsonObject IssueToken(ResourceType type, string ns, string name, JsonObject request)
    {
        var serviceAccount = operations.Get(type, ns, name);
        var seconds = request.ObjectAt("spec").GetLong("expirationSeconds") ?? 3600;
        var response = request.CloneObject();
        response["apiVersion"] = "authentication.k8s.io/v1";
        response["kind"] = "TokenRequest";
        response.Metadata()["name"] = name;
        response.Metadata()["namespace"] = ns;
        response["status"] = new JsonObject
        {
            ["token"] = authenticator.IssueServiceAccountToken(ns, name, serviceAccount.Uid()),
            ["expirationTimestamp"] = JsonExtensions.FormatTimestamp(DateTimeOffset.UtcNow.AddSeconds(seconds)),
        };
        return response;
    }
}
