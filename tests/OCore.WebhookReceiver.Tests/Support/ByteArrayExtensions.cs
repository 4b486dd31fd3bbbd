using System.Text;

namespace OCore.WebhookReceiver.Tests.Support;

internal static class ByteArrayExtensions
{
    /// <summary>The UTF-8 text with every <paramref name="oldValue"/> replaced, as bytes again.</summary>
    public static byte[] Replace(this byte[] utf8, string oldValue, string newValue) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(utf8).Replace(oldValue, newValue, StringComparison.Ordinal));
}
