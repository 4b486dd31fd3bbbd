using OCore.WebhookReceiver.Api;

namespace OCore.WebhookReceiver.Dashboard.Session;

/// <summary>
/// For /dashboard requests: sets the security headers, turns the sign-in cookie into the token the Kubernetes client
/// sends (<see cref="BearerToken.ContextItem"/>), and sends a browser without a session to the sign-in page.
/// </summary>
internal sealed class DashboardSessionMiddleware(RequestDelegate next, SessionCookie cookie)
{
    private const string SessionItem = "ocore.dashboard-session";

    /// <summary>Pages that work without a session: signing in, the local launch link and the stylesheet and script.</summary>
    private static readonly string[] Open = [DashboardPaths.SignIn, DashboardPaths.Launch, DashboardPaths.Assets];

    public static DashboardSession? Current(HttpContext context) => context.Items[SessionItem] as DashboardSession;

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        // No inline script or style anywhere, so the policy can forbid them: injected markup cannot run.
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";

        var session = cookie.Read(context.Request);
        if (session is not null)
        {
            context.Items[SessionItem] = session;
            if (session.Token is not null)
                context.Items[BearerToken.ContextItem] = session.Token;
        }
        else if (!IsOpen(context.Request.Path))
        {
            context.Response.Redirect(DashboardPaths.SignIn);
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsOpen(PathString path) => Open.Any(open => path.StartsWithSegments(open, StringComparison.Ordinal));
}
