using System.Diagnostics;
using System.Text;
using OCore.Api.Git;
using OCore.WebhookReceiver.Endpoints;
using OCore.WebhookReceiver.Hosting;
using OCore.WebhookReceiver.Projects;

namespace OCore.Bench.Receiver;

/// <summary>
/// The real receiver (AddWebhookReceiver + MapWebhookEndpoints) on 127.0.0.1 with one in-memory project whose
/// pushes are all redeliveries. Arguments: --port N, --secret S, --logging production|off.
/// </summary>
internal static class BenchReceiverHost
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var port = builder.Configuration.GetValue("port", 18181);
        var secret = builder.Configuration["secret"] ?? throw new InvalidOperationException("--secret is required");
        var logging = builder.Configuration["logging"] ?? "production";

        // A load test is one project sending many deliveries: lift the per-project rate limit out of the way.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:RateLimit:BurstLimit"] = "100000",
            ["Webhooks:RateLimit:TokensPerPeriod"] = "100000",
            ["Webhooks:RateLimit:ReplenishmentPeriod"] = "00:00:00.100",
        });
        if (logging == "production")
            builder.AddReceiverLogging();
        else
            builder.Logging.ClearProviders();

        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddWebhookReceiver();
        builder.Services.AddSingleton<IWebhookProjectDirectory>(new BenchProjectDirectory(new WebhookProject(
            "acme",
            "odoo-custom",
            "bench-project",
            GitProvider.GitHub,
            RepositoryUrl.Parse("git@github.com:acme/odoo-custom.git"),
            [new WebhookSecret(Encoding.UTF8.GetBytes(secret), null)])));
        builder.Services.AddSingleton<IPushHandler, DuplicatePushHandler>();

        var app = builder.Build();
        long answered = 0;
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Request.Path.StartsWithSegments("/api/webhooks", StringComparison.Ordinal))
                Interlocked.Increment(ref answered);
        });
        app.MapWebhookEndpoints();
        app.MapGet("/bench/stats", (bool? collect) =>
        {
            if (collect == true)
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return Results.Json(new BenchStats(
                GC.GetTotalAllocatedBytes(precise: true),
                GC.GetTotalMemory(forceFullCollection: false),
                GC.CollectionCount(0),
                GC.CollectionCount(1),
                GC.CollectionCount(2),
                process.WorkingSet64,
                Interlocked.Read(ref answered)));
        });
        app.Run();
    }
}
