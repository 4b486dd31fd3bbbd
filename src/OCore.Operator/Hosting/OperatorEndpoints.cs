using OCore.Runtime.Hosting;
using Prometheus;

namespace OCore.Operator.Hosting;

public static class OperatorEndpoints
{
    /// <summary>/healthz (the process runs), /readyz (every cache has synced) and /metrics (Prometheus).</summary>
    public static WebApplication MapOperatorEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (ControllerManager manager) => manager.IsReady
            ? Results.Text(manager.IsLeader ? "ok: leader" : "ok: standby")
            : Results.Text("caches not synced", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapMetrics();
        return app;
    }
}
