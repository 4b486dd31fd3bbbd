namespace OCore.WebhookReceiver.Dashboard.Screens;

/// <summary>The stylesheet and the script, embedded in the assembly so the dashboard needs no web root wherever it is hosted.</summary>
internal static class AssetScreen
{
    private static readonly Dictionary<string, (byte[] Content, string Type)> Assets = new(StringComparer.Ordinal)
    {
        ["dashboard.css"] = (Read("dashboard.css"), "text/css; charset=utf-8"),
        ["dashboard.js"] = (Read("dashboard.js"), "text/javascript; charset=utf-8"),
    };

    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapGet("/assets/{file}", (HttpContext context, string file) =>
        {
            if (!Assets.TryGetValue(file, out var asset))
                return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Bytes(asset.Content, asset.Type);
        });

    private static byte[] Read(string name)
    {
        using var stream = typeof(AssetScreen).Assembly.GetManifestResourceStream($"dashboard/{name}")
            ?? throw new InvalidOperationException($"dashboard/{name} is not embedded in the receiver assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
