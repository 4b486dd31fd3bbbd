namespace OCore.WebhookReceiver.Api;

/// <summary>The Kubernetes token an API caller presents as <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>Where the dashboard puts the token of its sign-in cookie (it has no Authorization header).</summary>
    public const string ContextItem = "ocore.caller-token";

    /// <summary>The dashboard's token for this request, else the Authorization header's.</summary>
    public static string? Of(HttpContext context) => context.Items[ContextItem] as string ?? From(context.Request);

    /// <summary>The token, or null when the header is missing, of another scheme, or empty.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return null;
        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 || token.Any(char.IsWhiteSpace) ? null : token;
    }
}
