namespace OCore.Api.Schema;

/// <summary>CRD naming beyond what <c>KubernetesEntityAttribute</c> carries: short names and categories.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CustomResourceAttribute(params string[] shortNames) : Attribute
{
    public IReadOnlyList<string> ShortNames { get; } = shortNames;

    public IReadOnlyList<string> Categories { get; init; } = ["ocore"];
}
