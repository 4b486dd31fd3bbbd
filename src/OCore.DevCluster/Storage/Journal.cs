using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Storage;

/// <summary>
/// Append-only JSON-lines journal, fsynced per write before the write is acknowledged. On open it replays
/// the journal (ignoring a torn last line from a crash) and rewrites it as a compact snapshot.
/// </summary>
internal sealed class Journal : IDisposable
{
    private readonly FileStream _stream;

    private Journal(FileStream stream) => _stream = stream;

    public static Journal Open(string path, out long revision, out List<(string GroupResource, JsonObject Object)> objects)
    {
        var state = new Dictionary<string, (string GroupResource, JsonObject Object)>(StringComparer.Ordinal);
        revision = 0;
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (Parse(line) is not { } record)
                {
                    break; // A torn write: nothing after it was acknowledged.
                }
                revision = Math.Max(revision, record.GetLong("rv") ?? 0);
                var groupResource = record.GetString("gr");
                if (groupResource is null || record["obj"] is not JsonObject obj)
                {
                    continue;
                }
                var key = $"{groupResource}/{obj.Namespace()}/{obj.Name()}";
                if (record.GetString("op") == "del")
                {
                    state.Remove(key);
                }
                else
                {
                    state[key] = (groupResource, obj);
                }
            }
        }
        objects = [.. state.Values];
        WriteSnapshot(path, revision, objects);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new Journal(stream);
    }

    public void AppendPut(long revision, string groupResource, JsonObject obj) => Append(revision, "put", groupResource, obj);

    public void AppendDelete(long revision, string groupResource, JsonObject obj) => Append(revision, "del", groupResource, obj);

    public void Dispose() => _stream.Dispose();

    private void Append(long revision, string op, string groupResource, JsonObject obj)
    {
        _stream.Write(Encode(revision, op, groupResource, obj));
        _stream.Flush(flushToDisk: true);
    }

    private static byte[] Encode(long revision, string op, string? groupResource, JsonObject? obj)
    {
        var record = new JsonObject { ["rv"] = revision, ["op"] = op };
        if (groupResource is not null)
        {
            record["gr"] = groupResource;
            record["obj"] = obj?.DeepClone();
        }
        return Encoding.UTF8.GetBytes(record.Compact() + "\n");
    }

    private static JsonObject? Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void WriteSnapshot(string path, long revision, List<(string GroupResource, JsonObject Object)> objects)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            stream.Write(Encode(revision, "rev", null, null));
            foreach (var (groupResource, obj) in objects)
            {
                var rv = long.Parse(obj.ObjectAt("metadata").GetString("resourceVersion") ?? "0", CultureInfo.InvariantCulture);
                stream.Write(Encode(rv, "put", groupResource, obj));
            }
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
