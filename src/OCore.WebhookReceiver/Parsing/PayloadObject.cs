using System.Text.Json;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>
/// A JSON object of a payload with the path that led to it, so every read that fails can name the field
/// (<c>push.changes[1].new.name</c>). Unknown fields are ignored; a wrong type is a <see cref="PayloadException"/>.
/// </summary>
internal readonly struct PayloadObject
{
    private readonly JsonElement _element;

    private PayloadObject(JsonElement element, string path)
    {
        _element = element;
        Path = path;
    }

    /// <summary>Where this object is in the payload; empty for the root.</summary>
    public string Path { get; }

    public static PayloadObject Root(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
            ? new PayloadObject(root, "")
            : throw PayloadValues.NotAnObject(root.ValueKind);

    public string String(string name) =>
        OptionalString(name) ?? throw Missing(name);

    /// <summary>The string, or null when the field is missing or null.</summary>
    public string? OptionalString(string name) =>
        Find(name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(name, value, "a string")
            : null;

    /// <summary>False when missing or null.</summary>
    public bool Bool(string name) =>
        Find(name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw WrongType(name, value, "true or false"),
            }
            : false;

    public PayloadObject Object(string name) =>
        OptionalObject(name) ?? throw Missing(name);

    /// <summary>The object, or null when the field is missing or null (Bitbucket's <c>new: null</c> on a deletion).</summary>
    public PayloadObject? OptionalObject(string name) =>
        Find(name) is { } value
            ? value.ValueKind == JsonValueKind.Object ? new PayloadObject(value, Child(name)) : throw WrongType(name, value, "an object")
            : null;

    /// <summary>The objects of an array field.</summary>
    public IReadOnlyList<PayloadObject> Objects(string name)
    {
        var array = Find(name) ?? throw Missing(name);
        if (array.ValueKind != JsonValueKind.Array)
            throw WrongType(name, array, "an array");

        var items = new List<PayloadObject>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{Child(name)}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
                throw PayloadValues.WrongType(path, item.ValueKind, "an object");
            items.Add(new PayloadObject(item, path));
        }

        return items;
    }

    /// <summary>A ref or branch name that git itself would accept (<c>refs/heads/feature/x</c>, <c>feature/x</c>).</summary>
    public string RefName(string name) => PayloadValues.RefName(String(name), Child(name));

    /// <summary>A commit id (40 or 64 hex digits, lower-cased), or null for the all-zero id that means "no commit".</summary>
    public string? Commit(string name) => PayloadValues.Commit(String(name), Child(name));

    /// <summary>A PayloadException naming a field of this object whose value oCore does not accept.</summary>
    public PayloadException Invalid(string name, string problem) => PayloadValues.Invalid(Child(name), problem);

    private JsonElement? Find(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private PayloadException Missing(string name) => Invalid(name, "is missing");

    private PayloadException WrongType(string name, JsonElement value, string expected) =>
        PayloadValues.WrongType(Child(name), value.ValueKind, expected);
}
