namespace OCore.Api.Schema;

/// <summary>Marks a list as <c>x-kubernetes-list-type: map</c> keyed by the given fields (e.g. conditions by type).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
