using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OCore.DevCluster.Http;

/// <summary>limit/continue paging over a sorted list; the continue token encodes the offset.</summary>
internal static class Paging
{
    public static (List<JsonObject> Page, string Continue) Page(List<JsonObject> all, string? limit, string? continueToken)
    {
        var offset = Offset(continueToken);
        if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0)
        {
            return ([.. all.Skip(offset)], "");
        }
        var page = all.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < all.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset + page.Count}")) : "";
        return (page, next);
    }

    public static int Offset(string? continueToken)
    {
        if (string.IsNullOrEmpty(continueToken))
        {
            return 0;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(continueToken));
            if (text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Fall through to the error below.
        }
        throw ApiErrors.BadRequest("continue key is not valid");
    }
}
