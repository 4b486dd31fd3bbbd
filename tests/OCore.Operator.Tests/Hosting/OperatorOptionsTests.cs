using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OCore.Operator.Hosting;

namespace OCore.Operator.Tests.Hosting;

public sealed class OperatorOptionsTests
{
    [Theory]
    [InlineData(null, "4", "Operator:PublicReceiverUrl is required")]
    [InlineData("not a url", "4", "Operator:PublicReceiverUrl must be an absolute http(s) URL")]
    [InlineData("ftp://ocore.example.com", "4", "Operator:PublicReceiverUrl must be an absolute http(s) URL")]
    [InlineData("https://ocore.example.com", "0", "Operator:Workers must be between 1 and 64")]
    public async Task A_bad_setting_stops_start_up_naming_the_setting(string? url, string workers, string expected)
    {
        using var host = Build(new Dictionary<string, string?> { ["Operator:PublicReceiverUrl"] = url, ["Operator:Workers"] = workers });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_backup_count_stops_start_up_naming_the_setting()
    {
        using var host = Build(new Dictionary<string, string?> { ["Operator:PublicReceiverUrl"] = "https://ocore.example.com", ["Operator:BackupsKept"] = "-1" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Operator:BackupsKept must be between 0 (no backup before module updates) and 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_kubeconfig_file_is_named()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Operator:PublicReceiverUrl"] = "https://ocore.example.com",
            ["Operator:Kubeconfig"] = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "kubeconfig"),
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Operator:Kubeconfig (--kubeconfig)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_switches_map_to_settings()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--kubeconfig", "/k", "--public-url", "https://x.example", "--workers", "8"], OperatorServices.Switches.ToDictionary())
            .Build();
        var options = configuration.GetSection(OperatorOptions.Section).Get<OperatorOptions>()!;
        Assert.Equal(("/k", "https://x.example", 8), (options.Kubeconfig, options.PublicReceiverUrl, options.Workers));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOperator();
        return builder.Build();
    }
}
