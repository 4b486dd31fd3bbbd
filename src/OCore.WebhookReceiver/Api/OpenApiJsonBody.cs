using Microsoft.OpenApi;

namespace OCore.WebhookReceiver.Api;

/// <summary>
/// Documents a JSON request body that the handler reads itself (<see cref="JsonBody"/>). <c>Accepts&lt;T&gt;</c> would
/// do it too, but it also makes routing answer a wrong content type with an empty 415 before the handler can explain.
/// </summary>
internal static class OpenApiJsonBody
{
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
