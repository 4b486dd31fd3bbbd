using System.IO.Pipelines;

var builder = WebApplication.CreateBuilder(args);
var port = builder.Configuration.GetValue("port", 18182);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

var app = builder.Build();
app.MapPost("/api/webhooks/github/{projectId}", async (string projectId, HttpContext context) =>
{
    // Read the whole body and do nothing with it: the cost every receiver pays before its own work.
    var reader = context.Request.BodyReader;
    while (true)
    {
        ReadResult read = await reader.ReadAsync(context.RequestAborted);
        reader.AdvanceTo(read.Buffer.End);
        if (read.IsCompleted)
            break;
    }

    return Results.Ok();
});
app.Run();
