using OCore.WebhookReceiver.Dashboard.Pages;
using OCore.WebhookReceiver.Dashboard.Session;
using OCore.WebhookReceiver.Dashboard.Views;

namespace OCore.WebhookReceiver.Dashboard;

/// <summary>Runs a screen's work and shows what went wrong as a page: 403 names the role, a rejected token signs out.</summary>
internal static class Screen
{
    public static async Task<IResult> RunAsync(HttpContext context, string role, string @namespace, Func<Task<IResult>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception failure) when (Failures.From(failure, role, @namespace) is { } shown)
        {
            return await ShowAsync(context, shown);
        }
    }

    public static async Task<IResult> ShowAsync(HttpContext context, Failure failure)
    {
        if (failure.Status == StatusCodes.Status401Unauthorized)
        {
            context.RequestServices.GetRequiredService<SessionCookie>().Clear(context.Response);
            return Results.Redirect(DashboardPaths.WithNotice(DashboardPaths.SignIn, Notices.SessionExpired));
        }

        var frame = PageFrames.For(context, failure.Title, failure.Namespace);
        return await PageRenderer.PageAsync<ErrorPage>(context, PageFrames.Parameters(frame, failure), failure.Status);
    }
}
