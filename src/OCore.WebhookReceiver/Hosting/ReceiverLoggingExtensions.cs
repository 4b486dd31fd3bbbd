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
                if (format == "json")
                    logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                else
                    logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            },
            preserveStaticLogger: true);
        return builder;
    }
}
