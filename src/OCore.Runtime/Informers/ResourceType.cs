using System.Reflection;
using k8s.Models;

namespace OCore.Runtime.Informers;

/// <summary>Where a kind lives in the API: group, version and plural (read from <c>[KubernetesEntity]</c>).</summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind)
{
    public static ResourceType Of<T>()
    {
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no [KubernetesEntity]");
        return new ResourceType(entity.Group, entity.ApiVersion, entity.PluralName, entity.Kind);
    }

    public override string ToString() => Group.Length == 0 ? $"{Plural}.{Version}" : $"{Plural}.{Version}.{Group}";
}
