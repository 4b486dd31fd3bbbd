namespace OCore.WebhookReceiver.Tests.Support;

/// <summary>The provider payloads under Payloads/, written after each provider's documented format.</summary>
internal static class Payloads
{
    public static byte[] Read(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", fileName));
}
