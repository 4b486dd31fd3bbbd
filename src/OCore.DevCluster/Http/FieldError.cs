namespace OCore.DevCluster.Http;

/// <summary>One cause of a 422 Invalid answer, phrased like apimachinery's field.Error.</summary>
internal sealed record FieldError(string Field, string Reason, string Message)
{
    public static FieldError Required(string field, string detail = "") =>
        new(field, "FieldValueRequired", "Required value" + (detail.Length > 0 ? ": " + detail : ""));

    public static FieldError InvalidValue(string field, string value, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {value}: {detail}");

    public static FieldError Invalid(string field, System.Text.Json.Nodes.JsonNode? value, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {(value is null ? "null" : value.ToJsonString())}: {detail}");

    public static FieldError Forbidden(string field, string detail) => new(field, "FieldValueForbidden", "Forbidden: " + detail);

    public static FieldError NotSupported(string field, string value, IEnumerable<string> allowed) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: {value}: supported values: {string.Join(", ", allowed)}");

    public static FieldError TypeInvalid(string field, string value, string detail) =>
        new(field, "FieldValueTypeInvalid", $"Invalid value: {value}: {detail}");

    public static FieldError TooLong(string field, string value, long max) =>
        new(field, "FieldValueTooLong", $"Too long: may not be more than {max} bytes");

    public static FieldError TooMany(string field, long actual, long max) =>
        new(field, "FieldValueTooMany", $"Too many: {actual}: must have at most {max} items");

    public override string ToString() => $"{Field}: {Message}";
}
