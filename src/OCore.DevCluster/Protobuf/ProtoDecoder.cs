using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Protobuf;

/// <summary>
/// Decodes request bodies sent as application/vnd.kubernetes.protobuf ("k8s\0" + runtime.Unknown envelope)
/// into JSON, for the kinds listed in <see cref="ProtoSchemas"/>. Answers are always JSON, which clients accept.
/// </summary>
internal static class ProtoDecoder
{
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public static JsonObject Decode(byte[] body)
    {
        if (body.Length < 4 || !body.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw ApiErrors.BadRequest("protobuf body does not start with the k8s magic prefix");
        }
        var envelope = DecodeMessage(body.AsMemory(4), "Unknown");
        var kind = envelope.ObjectAt("typeMeta").GetString("kind") ?? "";
        var apiVersion = envelope.ObjectAt("typeMeta").GetString("apiVersion") ?? "";
        if (ProtoSchemas.For(kind) is null)
        {
            throw new ApiException(415, "UnsupportedMediaType", $"DevCluster cannot decode {kind} from protobuf; send application/json");
        }
        var raw = Convert.FromBase64String(envelope.GetString("raw") ?? "");
        var obj = DecodeMessage(raw, kind);
        obj["apiVersion"] = apiVersion;
        obj["kind"] = kind;
        return obj;
    }

    /// <summary>Decodes a bare DeleteOptions message (the body of a protobuf DELETE).</summary>
    public static JsonObject DecodeDeleteOptions(byte[] body)
    {
        var envelope = DecodeMessage(body.AsMemory(4), "Unknown");
        return DecodeMessage(Convert.FromBase64String(envelope.GetString("raw") ?? ""), "DeleteOptions");
    }

    private static JsonObject DecodeMessage(ReadOnlyMemory<byte> data, string message)
    {
        var schema = ProtoSchemas.For(message) ?? throw ApiErrors.BadRequest($"unknown protobuf message {message}");
        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (!schema.TryGetValue(number, out var field))
            {
                reader.Skip(wireType);
                continue;
            }
            switch (field.Kind)
            {
                case "string":
                    obj[field.Name] = Encoding.UTF8.GetString(reader.ReadBytes().Span);
                    break;
                case "bytes":
                    obj[field.Name] = Convert.ToBase64String(reader.ReadBytes().Span);
                    break;
                case "int":
                    obj[field.Name] = (long)reader.ReadVarint();
                    break;
                case "bool":
                    obj[field.Name] = reader.ReadVarint() != 0;
                    break;
                case "message":
                    obj[field.Name] = DecodeMessage(reader.ReadBytes(), field.Message!);
                    break;
                case "time":
                    obj[field.Name] = DecodeTime(reader.ReadBytes());
                    break;
                case "strings":
                    Append(obj, field.Name, JsonValue.Create(Encoding.UTF8.GetString(reader.ReadBytes().Span)));
                    break;
                case "messages":
                    Append(obj, field.Name, DecodeMessage(reader.ReadBytes(), field.Message!));
                    break;
                case "stringMap":
                case "bytesMap":
                    var (key, value) = DecodeEntry(reader.ReadBytes(), field.Kind == "bytesMap");
                    obj.EnsureObject(field.Name)[key] = value;
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }
        return obj;
    }

    private static (string Key, string Value) DecodeEntry(ReadOnlyMemory<byte> data, bool bytesValue)
    {
        var reader = new ProtoReader(data);
        var key = "";
        var value = "";
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                key = Encoding.UTF8.GetString(reader.ReadBytes().Span);
            }
            else if (number == 2)
            {
                var bytes = reader.ReadBytes().Span;
                value = bytesValue ? Convert.ToBase64String(bytes) : Encoding.UTF8.GetString(bytes);
            }
            else
            {
                reader.Skip(wireType);
            }
        }
        return (key, value);
    }

    private static JsonNode DecodeTime(ReadOnlyMemory<byte> data)
    {
        var reader = new ProtoReader(data);
        long seconds = 0;
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                seconds = (long)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wireType);
            }
        }
        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static void Append(JsonObject obj, string name, JsonNode? item)
    {
        if (obj[name] is not JsonArray array)
        {
            array = [];
            obj[name] = array;
        }
        array.Add(item);
    }
}
