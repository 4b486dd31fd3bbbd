using OCore.WebhookReceiver.Delivery;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace OCore.WebhookReceiver.Hosting;

public static class ReceiverLoggingExtensions
{
    /// <summary>Configuration key of <c>--log-format text|json</c>.</summary>
    public const string LogFormatKey = "log-format";

    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    // Lines waiting for the console; beyond this a full buffer drops lines rather than holding up requests.
    private const int ConsoleBufferLines = 10_000;

    // Logs each request's start and end at Information, below the Warning floor of Microsoft.AspNetCore, and startup
    // failures, which also end the process with the exception. While any of its levels is enabled, hosting creates an
    // Activity and a log scope per request, whose properties Serilog then copied onto every delivery line: in the
    // allocation profile of the decide path, more than any other single cost of logging.
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Serilog: readable console lines by default, compact JSON with <c>--log-format json</c>.</summary>
    public static WebApplicationBuilder AddReceiverLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration[LogFormatKey] ?? "text";
        if (format is not ("text" or "json"))
            throw new InvalidOperationException($"--{LogFormatKey} must be 'text' or 'json', not '{format}'");

        // Serilog as a provider of the framework's logger factory, which creates each category's logger once; Serilog's
        // own factory created one per call, and the minimal API results ask for one per request.
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter<SerilogLoggerProvider>(HostingDiagnostics, LogLevel.None);
        builder.Services.AddSingleton<ILoggerProvider>(services => new SerilogLoggerProvider(CreateLogger(services, format), dispose: true));
        return builder;
    }

    private static Serilog.Core.Logger CreateLogger(IServiceProvider services, string format)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .ReadFrom.Services(services);
        // A person at a terminal gets the console sink's colours. Redirected output (a container, a file) is written
        // in batches from a background loop: one line per delivery must not hold up the request.
        if (format == "text" && !Console.IsOutputRedirected)
            logger.WriteTo.Async(sink => sink.Console(outputTemplate: TextTemplate), bufferSize: ConsoleBufferLines);
        else
            logger.WriteTo.Sink(new BatchedConsoleSink(Formatter(format), ConsoleBufferLines));
        return logger.CreateLogger();
    }

    private static ITextFormatter Formatter(string format) => format == "json"
        ? new RenderedCompactJsonFormatter()
        : new MessageTemplateTextFormatter(TextTemplate);
}
