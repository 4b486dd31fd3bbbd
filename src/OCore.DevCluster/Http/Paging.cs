using System.Globalization;
using System.Text;

namespace OCore.DevCluster.Http;

/// <summary>
/// limit/continue paging: the continue token names the last key served, so the next page starts right after it
/// (objects created or deleted in between shift nothing, and no page costs more than reading its own objects).
/// </summary>
internal static class Paging
{
    private const string KeyPrefix = "key:";

    /// <summary>The page size asked for, or int.MaxValue when no (positive) limit was given.</summary>
    public static int Limit(string? limit) =>
        int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : int.MaxValue;

    public static string Token(string? continueAfter) =>
        continueAfter is null ? "" : Convert.ToBase64String(Encoding.UTF8.GetBytes(KeyPrefix + continueAfter));

    /// <summary>The key to continue after, or null for the first page.</summary>
    public static string? ContinueAfter(string? continueToken)
    {
        if (string.IsNullOrEmpty(continueToken))
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(continueToken));
            if (text.StartsWith(KeyPrefix, StringComparison.Ordinal) && text.Length > KeyPrefix.Length)
            {
                return text[KeyPrefix.Length..];
            }
        }
        catch (FormatException)
        {
            // Fall through to the error below.
        }
        throw ApiErrors.BadRequest("continue key is not valid");
    }
}
