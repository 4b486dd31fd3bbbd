using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OCore.WebhookReceiver.Delivery;
using OCore.WebhookReceiver.Options;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Delivery;

/// <summary>A flood of failed verifications makes a few log lines, not one per delivery.</summary>
public sealed class FailedVerificationLogTests : IDisposable
{
    private const string Mismatch = "header 'X-Hub-Signature-256' does not match the body signed with the webhook secret of this project, or there is no such project";

    private readonly FakeTimeProvider _time = new();
    private readonly ListLogger<FailedVerificationLog> _logger = new();
    private readonly FailedVerificationLog _log;

    public FailedVerificationLogTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new WebhookOptions { FailedVerificationLogInterval = TimeSpan.FromMinutes(1) });
        _log = new FailedVerificationLog(options, _time, _logger);
    }

    public void Dispose() => _log.Dispose();

    [Fact]
    public void First_failure_of_a_project_is_logged_with_what_an_operator_needs_the_rest_are_counted()
    {
        for (var i = 0; i < 1000; i++)
            _log.Record("GitHub", "p-1", projectExists: true, "push", $"d-{i}", Mismatch);

        var (level, message) = Assert.Single(_logger.Lines);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal(
            $"Webhook GitHub push delivery d-0 for project p-1 failed verification: {Mismatch}; further failures of this project are counted and reported every 00:01:00",
            message);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(2, _logger.Lines.Count);
        Assert.Equal((LogLevel.Warning, "999 more webhook deliveries for project p-1 failed verification in the last 00:01:00"), _logger.Lines[1]);
    }

    [Fact]
    public void Each_interval_logs_its_first_failure_again()
    {
        _log.Record("GitHub", "p-1", projectExists: true, "push", "d-1", Mismatch);
        _time.Advance(TimeSpan.FromMinutes(1));
        _log.Record("GitHub", "p-1", projectExists: true, "push", "d-2", Mismatch);

        Assert.Equal(2, _logger.Lines.Count);
        Assert.Contains("delivery d-2 for project p-1 failed verification", _logger.Lines[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Projects_are_counted_apart()
    {
        _log.Record("GitHub", "p-1", projectExists: true, "push", "d-1", Mismatch);
        _log.Record("GitLab", "p-2", projectExists: true, "Push Hook", "d-2", Mismatch);
        _log.Record("GitLab", "p-2", projectExists: true, "Push Hook", "d-3", Mismatch);

        Assert.Equal(2, _logger.Lines.Count);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("1 more webhook deliveries for project p-2 failed verification in the last 00:01:00", Assert.Single(_logger.Lines.Skip(2)).Message);
    }

    [Fact]
    public void Made_up_project_ids_share_one_line_per_interval()
    {
        for (var i = 0; i < 500; i++)
            _log.Record("GitHub", $"made-up-{i}", projectExists: false, "push", $"d-{i}", Mismatch);

        var (level, message) = Assert.Single(_logger.Lines);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal(
            "Webhook GitHub push delivery d-0 failed verification: no project of this provider has the id made-up-0; further deliveries to unknown ids are counted and reported every 00:01:00",
            message);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("499 more webhook deliveries for unknown project ids failed verification in the last 00:01:00", _logger.Lines[1].Message);
    }

    [Fact]
    public void A_quiet_interval_logs_nothing()
    {
        _log.Record("GitHub", "p-1", projectExists: true, "push", "d-1", Mismatch);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Single(_logger.Lines);
    }
}
