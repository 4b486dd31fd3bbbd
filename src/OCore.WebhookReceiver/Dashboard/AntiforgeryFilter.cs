using Microsoft.AspNetCore.Antiforgery;

namespace OCore.WebhookReceiver.Dashboard;

/// <summary>Every dashboard POST carries the antiforgery token of a page the dashboard rendered, or is refused (400).</summary>
internal sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Content("The form expired or did not come from this dashboard. Go back, reload the page and try again.",
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
