using OCore.DevCluster.Security;

namespace OCore.DevCluster.Rbac;

/// <summary>What an authorizer decides on: who, which verb, and which resource or non-resource path.</summary>
internal sealed record RequestAttributes(UserInfo User, string Verb, bool IsResourceRequest, string Group, string Resource, string Subresource, string Namespace, string Name, string Path)
{
    public string Describe()
    {
        if (!IsResourceRequest)
        {
            return $"User \"{User.Name}\" cannot {Verb} path \"{Path}\"";
        }
        var resource = Subresource.Length > 0 ? $"{Resource}/{Subresource}" : Resource;
        var scope = Namespace.Length > 0 ? $" in the namespace \"{Namespace}\"" : " at the cluster scope";
        return $"User \"{User.Name}\" cannot {Verb} resource \"{resource}\" in API group \"{Group}\"{scope}";
    }
}
