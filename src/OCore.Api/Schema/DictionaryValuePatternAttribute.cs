namespace OCore.Api.Schema;

/// <summary>A pattern every value of a string map must match (the map's <c>additionalProperties.pattern</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DictionaryValuePatternAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}
