namespace OCore.Api.Schema;

/// <summary>An <c>additionalPrinterColumns</c> entry: what <c>kubectl get</c> shows for the kind.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string jsonPath) : Attribute
{
    public string Name { get; } = name;

    public string JsonPath { get; } = jsonPath;

    public string Type { get; init; } = "string";

    /// <summary>0 for the default view, 1 for <c>-o wide</c> only.</summary>
    public int Priority { get; init; }

    public string? Description { get; init; }
}
