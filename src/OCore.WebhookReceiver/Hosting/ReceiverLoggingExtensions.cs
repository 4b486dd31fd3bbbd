using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace OCore.WebhookReceiver.Hosting;

public static class ReceiverLoggingExtensions
{
    /// <summary>Configuration key of <c>--log-format text|json</c>.</summary>
    public const string LogFormatKey = "log-format";

    /// <summary>Serilog: readable console lines by default, compact JSON with <c>--log-format json</c>.</summary>
    public static WebApplicationBuilder AddReceiverLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration[LogFormatKey] ?? "text";
        if (format is not ("text" or "json"))
            throw new InvalidOperationException($"--{LogFormatKey} must be 'text' or 'json', not '{format}'");

        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .Enrich.FromLogContext()
                    .ReadFrom.Services(services);
                // One line per delivery must not hold up the request: the console is written from a background
                // buffer (bench/RESULTS.md: the synchronous sink cost about half the throughput). A full buffer drops lines.
                if (format == "json")
                    logger.WriteTo.Async(sink => sink.Console(new RenderedCompactJsonFormatter()), bufferSize: 10_000);
                else
                    logger.WriteTo.Async(sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"), bufferSize: 10_000);
            },
            preserveStaticLogger: true);
        return builder;
    }
}
