namespace OCore.Api.Schema;

/// <summary>
/// A CEL rule that becomes an <c>x-kubernetes-validations</c> entry of the CRD schema, for checks that span fields
/// (a plain pattern or enum cannot say "exactly one of").
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;

    public string Message { get; } = message;

    /// <summary>Optional JSONPath of the field the error is reported on, relative to the rule's scope.</summary>
    public string? FieldPath { get; init; }
}
