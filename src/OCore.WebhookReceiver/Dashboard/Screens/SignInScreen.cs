using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.AspNetCore.Mvc;
using OCore.WebhookReceiver.Api;
using OCore.WebhookReceiver.Dashboard.Pages;
using OCore.WebhookReceiver.Dashboard.Session;
using OCore.WebhookReceiver.Dashboard.Views;

namespace OCore.WebhookReceiver.Dashboard.Screens;

/// <summary>
/// Sign-in with a Kubernetes token (checked by asking Kubernetes who it is: a SelfSubjectReview), sign-out, and the
/// one-time launch link of <c>ocore dashboard</c>.
/// </summary>
internal static class SignInScreen
{
    public static void Map(RouteGroupBuilder dashboard, RouteGroupBuilder forms)
    {
        dashboard.MapGet("/", () => Results.Redirect(DashboardPaths.Organizations));
        dashboard.MapGet("/sign-in", (HttpContext context, [FromServices] LocalLaunch? local) => ShowAsync(context, null, local is not null, StatusCodes.Status200OK));
        forms.MapPost("/sign-in", SignInAsync);
        forms.MapPost("/sign-out", (HttpContext context, SessionCookie cookie) =>
        {
            cookie.Clear(context.Response);
            return Results.Redirect(DashboardPaths.WithNotice(DashboardPaths.SignIn, Notices.SignedOut));
        });
        dashboard.MapGet("/launch", (HttpContext context, string? code, [FromServices] LocalLaunch? local, SessionCookie cookie) =>
        {
            if (local is null || !local.TryRedeem(code))
                return ShowAsync(context, "This link is not valid (each link of ocore dashboard works once). Run ocore dashboard again.", local is not null, StatusCodes.Status403Forbidden);
            cookie.Write(context.Response, new DashboardSession(local.User, null));
            return Task.FromResult(Results.Redirect(DashboardPaths.Organizations));
        });
    }

    private static async Task<IResult> SignInAsync(HttpContext context, DashboardKubernetes kubernetes, SessionCookie cookie, [FromServices] LocalLaunch? local)
    {
        if (local is not null)
            return Results.NotFound();
        var token = context.Request.Form["token"].ToString().Trim();
        if (token.Length == 0 || token.Any(char.IsWhiteSpace))
            return await ShowAsync(context, "Paste one token (no spaces or line breaks inside).", false, StatusCodes.Status422UnprocessableEntity);

        // The shared client sends whatever token this request carries: the candidate, to ask Kubernetes who it is.
        context.Items[BearerToken.ContextItem] = token;
        string user;
        try
        {
            var review = await kubernetes.Client.AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview(), cancellationToken: context.RequestAborted);
            user = review.Status?.UserInfo?.Username is { Length: > 0 } name ? name : "signed-in user";
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return await ShowAsync(context, "Kubernetes did not accept this token (expired, revoked or not of this cluster).", false, StatusCodes.Status401Unauthorized);
        }

        cookie.Write(context.Response, new DashboardSession(user, token));
        return Results.Redirect(DashboardPaths.Organizations);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, string? error, bool local, int status)
    {
        var frame = PageFrames.For(context, "Sign in");
        return await PageRenderer.PageAsync<SignInPage>(context, PageFrames.Parameters(frame, new SignInModel(error, local)), status);
    }
}
