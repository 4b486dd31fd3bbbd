using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace OCore.WebhookReceiver.Dashboard;

/// <summary>
/// Renders a Razor component to HTML on the server (static rendering: no circuit, no WebAssembly). Pages and the
/// live fragments sent over server-sent events go through the same components.
/// </summary>
internal static class PageRenderer
{
    public static async Task<IResult> PageAsync<TComponent>(HttpContext context, IDictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK)
        where TComponent : IComponent
    {
        var html = await HtmlAsync<TComponent>(context.RequestServices, parameters);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static async Task<string> HtmlAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
