using System.Text.Json;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>
/// A field as a streaming reader saw it: its kind (Undefined when absent) and, for a string, its text. The checks
/// and messages are those of <see cref="PayloadObject"/>, so both ways of reading a payload answer alike.
/// </summary>
internal readonly record struct JsonScalar(JsonValueKind Kind, string? Text)
{
    public bool IsMissing => Kind is JsonValueKind.Undefined or JsonValueKind.Null;

    /// <summary>The current value of <paramref name="reader"/>; a container is skipped, keeping only its kind.</summary>
    public static JsonScalar Read(ref Utf8JsonReader reader)
    {
        var kind = KindOf(reader.TokenType);
        if (kind == JsonValueKind.String)
            return new JsonScalar(kind, reader.GetString());
        reader.Skip();
        return new JsonScalar(kind, null);
    }

    public static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Null,
    };

    public string String(string path) => OptionalString(path) ?? throw PayloadValues.Missing(path);

    public string? OptionalString(string path) => Kind switch
    {
        JsonValueKind.String => Text,
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => throw PayloadValues.WrongType(path, Kind, "a string"),
    };

    /// <summary>False when missing or null.</summary>
    public bool Bool(string path) => Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Undefined or JsonValueKind.Null => false,
        _ => throw PayloadValues.WrongType(path, Kind, "true or false"),
    };

    /// <summary>Whether the field is an object; false when missing or null, a PayloadException for any other kind.</summary>
    public bool IsObject(string path) => Kind switch
    {
        JsonValueKind.Object => true,
        JsonValueKind.Undefined or JsonValueKind.Null => false,
        _ => throw PayloadValues.WrongType(path, Kind, "an object"),
    };
}
