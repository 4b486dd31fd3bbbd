using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OCore.WebhookReceiver.Hosting;

namespace OCore.WebhookReceiver.Tests.Hosting;

/// <summary>A bad setting stops the receiver at start-up, and the error names the setting.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Webhooks:MaxBodyBytes", "0", "Webhooks:MaxBodyBytes must be between 1024 and 268435456 (256 MiB).")]
    [InlineData("Webhooks:MaxBodyBytes", "1073741824", "Webhooks:MaxBodyBytes must be between 1024 and 268435456 (256 MiB).")]
    [InlineData("Webhooks:RateLimit:BurstLimit", "0", "Webhooks:RateLimit:BurstLimit must be between 1 and 100000.")]
    [InlineData("Webhooks:RateLimit:TokensPerPeriod", "-3", "Webhooks:RateLimit:TokensPerPeriod must be between 1 and 100000.")]
    [InlineData("Webhooks:RateLimit:ReplenishmentPeriod", "00:00:00", "Webhooks:RateLimit:ReplenishmentPeriod must be between 00:00:00.100 and 1.00:00:00.")]
    [InlineData("Webhooks:FailedVerificationDelay", "00:00:06", "Webhooks:FailedVerificationDelay must be between 00:00:00 (off) and 00:00:05.")]
    [InlineData("Webhooks:FailedVerificationDelay", "-00:00:01", "Webhooks:FailedVerificationDelay must be between 00:00:00 (off) and 00:00:05.")]
    [InlineData("Webhooks:MaxDelayedAnswers", "0", "Webhooks:MaxDelayedAnswers must be between 1 and 100000.")]
    [InlineData("Webhooks:FailedVerificationLogInterval", "00:00:00", "Webhooks:FailedVerificationLogInterval must be between 00:00:01 and 01:00:00.")]
    public void Invalid_setting_fails_the_startup_validation_naming_the_setting(string key, string value, string message)
    {
        using var provider = ReceiverServices(new Dictionary<string, string?> { [key] = value });

        // The host runs this validator before it starts listening (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_settings_pass_the_startup_validation()
    {
        using var provider = ReceiverServices([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Unknown_log_format_on_the_command_line_stops_startup()
    {
        var builder = WebApplication.CreateBuilder(["--log-format", "xml"]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddReceiverLogging());

        Assert.Equal("--log-format must be 'text' or 'json', not 'xml'", error.Message);
    }

    private static ServiceProvider ReceiverServices(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddWebhookReceiver();
        return services.BuildServiceProvider();
    }
}
