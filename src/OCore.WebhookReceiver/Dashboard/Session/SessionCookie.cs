using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace OCore.WebhookReceiver.Dashboard.Session;

/// <summary>
/// The sign-in cookie: the session encrypted and signed with ASP.NET Data Protection, time-limited, HttpOnly (no
/// script reads the token), Secure, SameSite=Strict (no other site's page sends it) and scoped to /dashboard (the API
/// never sees it).
/// </summary>
internal sealed class SessionCookie(IDataProtectionProvider protection, IOptions<DashboardOptions> options)
{
    public const string Name = "ocore-dashboard";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("OCore.Dashboard.Session.v1").ToTimeLimitedDataProtector();

    public void Write(HttpResponse response, DashboardSession session)
    {
        var lifetime = options.Value.SessionLifetime;
        var value = _protector.Protect(JsonSerializer.Serialize(session), lifetime);
        response.Cookies.Append(Name, value, Options(lifetime));
    }

    /// <summary>The session, or null when there is no cookie or it is forged, expired or from a lost key ring.</summary>
    public DashboardSession? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
            return null;
        try
        {
            return JsonSerializer.Deserialize<DashboardSession>(_protector.Unprotect(value));
        }
        catch (Exception failure) when (failure is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(null));

    private static CookieOptions Options(TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = DashboardPaths.Root,
        IsEssential = true,
        MaxAge = lifetime,
    };
}
