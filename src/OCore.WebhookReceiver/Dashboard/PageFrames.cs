using Microsoft.AspNetCore.Antiforgery;
using OCore.WebhookReceiver.Dashboard.Session;
using OCore.WebhookReceiver.Dashboard.Views;

namespace OCore.WebhookReceiver.Dashboard;

/// <summary>The frame of a page for this request: the signed-in user, the antiforgery token its forms carry, the notice.</summary>
internal static class PageFrames
{
    public static PageFrame For(HttpContext context, string title, string? @namespace = null, string? project = null, string? tab = null)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var form = tokens.RequestToken is null ? null : new FormToken(tokens.FormFieldName, tokens.RequestToken);
        return new PageFrame(title, DashboardSessionMiddleware.Current(context)?.User, @namespace, project, tab, form,
            Notices.Text(context.Request.Query["notice"].FirstOrDefault()));
    }

    /// <summary>The parameters of a page component: its frame and its model.</summary>
    public static Dictionary<string, object?> Parameters(PageFrame frame, object model) => new(StringComparer.Ordinal) { ["Frame"] = frame, ["Model"] = model };
}
