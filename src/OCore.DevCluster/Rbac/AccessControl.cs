using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Security;

namespace OCore.DevCluster.Rbac;

/// <summary>Authentication (bearer tokens), impersonation (kubectl --as) and RBAC checks for one request.</summary>
internal sealed class AccessControl(TokenAuthenticator authenticator, RbacAuthorizer authorizer)
{
    public UserInfo Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        return authenticator.Authenticate(token) ?? throw ApiErrors.Unauthorized();
    }

    /// <summary>kubectl --as / --as-group: allowed when the caller may "impersonate" the user and groups.</summary>
    public UserInfo Impersonate(HttpContext context, UserInfo user)
    {
        var asUser = context.Request.Headers["Impersonate-User"].ToString();
        var asGroups = context.Request.Headers["Impersonate-Group"].SelectMany(g => (g ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (asUser.Length == 0)
        {
            if (asGroups.Count > 0)
            {
                throw ApiErrors.BadRequest("requested impersonation of groups without impersonating a user");
            }
            return user;
        }
        var serviceAccount = asUser.StartsWith("system:serviceaccount:", StringComparison.Ordinal) ? asUser.Split(':') : null;
        var target = serviceAccount is { Length: 4 }
            ? new RequestAttributes(user, "impersonate", true, "", "serviceaccounts", "", serviceAccount[2], serviceAccount[3], "")
            : new RequestAttributes(user, "impersonate", true, "", "users", "", "", asUser, "");
        Authorize(target);
        foreach (var group in asGroups)
        {
            Authorize(new RequestAttributes(user, "impersonate", true, "", "groups", "", "", group, ""));
        }
        var groups = new List<string>(asGroups);
        if (serviceAccount is { Length: 4 })
        {
            groups.AddRange(["system:serviceaccounts", $"system:serviceaccounts:{serviceAccount[2]}"]);
        }
        groups.Add("system:authenticated");
        return new UserInfo(asUser, "", groups);
    }

    public void Authorize(RequestAttributes attributes)
    {
        if (authorizer.Authorize(attributes).Allowed)
        {
            return;
        }
        if (!attributes.IsResourceRequest)
        {
            throw ApiErrors.Forbidden($"forbidden: {attributes.Describe()}");
        }
        var resource = attributes.Subresource.Length > 0 ? $"{attributes.Resource}/{attributes.Subresource}" : attributes.Resource;
        var groupResource = attributes.Group.Length > 0 ? $"{resource}.{attributes.Group}" : resource;
        var named = attributes.Name.Length > 0 ? $" \"{attributes.Name}\"" : "";
        throw ApiErrors.Forbidden($"{groupResource}{named} is forbidden: {attributes.Describe()}",
            new JsonObject { ["name"] = attributes.Name, ["group"] = attributes.Group, ["kind"] = attributes.Resource });
    }
}
