using System.Text.Json;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>
/// The fields of a GitHub push that oCore uses, collected in one forward pass over the JSON without building a
/// document; every other field is skipped. The whole text is still checked to be JSON, and a repeated field
/// counts by its last occurrence, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> does.
/// </summary>
internal struct GitHubPushFields
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = JsonPayload.MaxDepth };

    public JsonValueKind Root;
    public JsonScalar Ref;
    public JsonScalar Before;
    public JsonScalar After;
    public JsonScalar Created;
    public JsonScalar Deleted;
    public JsonScalar Forced;
    public JsonScalar Repository;
    public JsonScalar RepositoryFullName;
    public JsonScalar Pusher;
    public JsonScalar PusherName;

    public static GitHubPushFields Read(ReadOnlySpan<byte> utf8Json)
    {
        var fields = default(GitHubPushFields);
        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            reader.Read();
            fields.Root = JsonScalar.KindOf(reader.TokenType);
            if (fields.Root == JsonValueKind.Object)
                fields.ReadRoot(ref reader);
            else
                reader.Skip();
            // Anything after the one JSON value makes the reader throw.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw JsonPayload.Invalid(e);
        }

        return fields;
    }

    private void ReadRoot(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ref"u8))
                Ref = Next(ref reader);
            else if (reader.ValueTextEquals("before"u8))
                Before = Next(ref reader);
            else if (reader.ValueTextEquals("after"u8))
                After = Next(ref reader);
            else if (reader.ValueTextEquals("created"u8))
                Created = Next(ref reader);
            else if (reader.ValueTextEquals("deleted"u8))
                Deleted = Next(ref reader);
            else if (reader.ValueTextEquals("forced"u8))
                Forced = Next(ref reader);
            else if (reader.ValueTextEquals("repository"u8))
                Repository = NextObject(ref reader, "full_name"u8, ref RepositoryFullName);
            else if (reader.ValueTextEquals("pusher"u8))
                Pusher = NextObject(ref reader, "name"u8, ref PusherName);
            else
                SkipValue(ref reader);
        }
    }

    private static JsonScalar Next(ref Utf8JsonReader reader)
    {
        reader.Read();
        return JsonScalar.Read(ref reader);
    }

    /// <summary>Passes over the next value unread: most of a payload is never turned into strings.</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>The next value; when it is an object, its field <paramref name="name"/> goes to <paramref name="field"/>.</summary>
    private static JsonScalar NextObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref JsonScalar field)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
            return JsonScalar.Read(ref reader);

        // A repeated object replaces the earlier one, inner field included.
        field = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name))
                field = Next(ref reader);
            else
                SkipValue(ref reader);
        }

        return new JsonScalar(JsonValueKind.Object, null);
    }
}
