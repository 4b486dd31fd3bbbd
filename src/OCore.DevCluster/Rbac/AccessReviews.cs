using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;
using OCore.DevCluster.Security;

namespace OCore.DevCluster.Rbac;

/// <summary>Answers the create-only review kinds: TokenReview, SelfSubjectReview and the access reviews.</summary>
internal sealed class AccessReviews(RbacAuthorizer authorizer, TokenAuthenticator authenticator)
{
    public JsonObject Answer(ResourceType type, string ns, JsonObject body, UserInfo requester)
    {
        var review = body.CloneObject();
        review["apiVersion"] = type.ApiVersion;
        review["kind"] = type.Kind;
        review.Metadata();
        var spec = review.ObjectAt("spec") ?? new JsonObject();
        review["status"] = type.Kind switch
        {
            "TokenReview" => TokenStatus(spec),
            "SelfSubjectReview" => new JsonObject { ["userInfo"] = UserJson(requester) },
            "SelfSubjectAccessReview" => Decide(requester, spec),
            "SubjectAccessReview" => Decide(SubjectOf(spec), spec),
            "LocalSubjectAccessReview" => DecideLocal(type, ns, spec),
            "SelfSubjectRulesReview" => RulesStatus(requester, spec.GetString("namespace") ?? ""),
            _ => throw ApiErrors.MethodNotAllowed("create"),
        };
        return review;
    }

    private JsonObject TokenStatus(JsonObject spec)
    {
        var user = authenticator.Authenticate(spec.GetString("token"));
        return user is null
            ? new JsonObject { ["authenticated"] = false, ["error"] = "invalid bearer token" }
            : new JsonObject { ["authenticated"] = true, ["user"] = UserJson(user), ["audiences"] = new JsonArray("https://kubernetes.default.svc") };
    }

    private JsonObject DecideLocal(ResourceType type, string ns, JsonObject spec)
    {
        var attributes = spec.ObjectAt("resourceAttributes");
        if (attributes is null || (attributes.GetString("namespace") ?? "") != ns)
        {
            throw ApiErrors.Invalid(type, "", FieldError.InvalidValue("spec.resourceAttributes.namespace", $"\"{attributes.GetString("namespace")}\"", "must match metadata.namespace"));
        }
        return Decide(SubjectOf(spec), spec);
    }

    private JsonObject Decide(UserInfo user, JsonObject spec)
    {
        RequestAttributes request;
        if (spec.ObjectAt("resourceAttributes") is { } r)
        {
            request = new RequestAttributes(user, r.GetString("verb") ?? "", true, r.GetString("group") ?? "", r.GetString("resource") ?? "",
                r.GetString("subresource") ?? "", r.GetString("namespace") ?? "", r.GetString("name") ?? "", "");
        }
        else if (spec.ObjectAt("nonResourceAttributes") is { } n)
        {
            request = new RequestAttributes(user, n.GetString("verb") ?? "", false, "", "", "", "", "", n.GetString("path") ?? "");
        }
        else
        {
            throw ApiErrors.BadRequest("exactly one of nonResourceAttributes or resourceAttributes must be specified");
        }
        var (allowed, reason) = authorizer.Authorize(request);
        var status = new JsonObject { ["allowed"] = allowed };
        if (reason.Length > 0)
        {
            status["reason"] = reason;
        }
        return status;
    }

    private JsonObject RulesStatus(UserInfo user, string ns)
    {
        var resourceRules = new JsonArray();
        var nonResourceRules = new JsonArray();
        foreach (var rule in authorizer.RulesFor(user, ns))
        {
            if (rule["nonResourceURLs"] is not null)
            {
                nonResourceRules.Add(new JsonObject { ["verbs"] = rule["verbs"]?.DeepClone(), ["nonResourceURLs"] = rule["nonResourceURLs"]?.DeepClone() });
            }
            else
            {
                var copy = rule.CloneObject();
                resourceRules.Add(copy);
            }
        }
        return new JsonObject { ["resourceRules"] = resourceRules, ["nonResourceRules"] = nonResourceRules, ["incomplete"] = false };
    }

    private static UserInfo SubjectOf(JsonObject spec) =>
        new(spec.GetString("user") ?? "", spec.GetString("uid") ?? "", JsonExtensions.StringList(spec["groups"]));

    private static JsonObject UserJson(UserInfo user) => new()
    {
        ["username"] = user.Name,
        ["uid"] = user.Uid,
        ["groups"] = user.Groups.ToJsonArray(),
    };
}
