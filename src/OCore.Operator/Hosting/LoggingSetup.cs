using Serilog;
using Serilog.Formatting.Compact;

namespace OCore.Operator.Hosting;

public static class LoggingSetup
{
    /// <summary>Readable console lines for people; compact JSON (<c>--log-format json</c>) for log collectors.</summary>
    public static IHostApplicationBuilder AddOperatorLogging(this IHostApplicationBuilder builder)
    {
        var json = string.Equals(builder.Configuration["log-format"], "json", StringComparison.OrdinalIgnoreCase);
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext();
        logger = json
            ? logger.WriteTo.Console(new CompactJsonFormatter())
            : logger.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}");
        builder.Services.AddSerilog(logger.CreateLogger(), dispose: true);
        return builder;
    }
}
