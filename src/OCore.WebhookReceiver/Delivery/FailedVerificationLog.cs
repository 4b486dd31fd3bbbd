using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using OCore.WebhookReceiver.Options;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>
/// Logs failed verifications without letting a flood of them flood the log: per project and interval
/// (<see cref="WebhookOptions.FailedVerificationLogInterval"/>) the first at Warning, with what an operator needs to
/// find a wrong secret (project, event, delivery id, what did not match), then one line with the count of the rest.
/// Ids that name no project share one window, so made-up ids can neither add lines nor grow the table.
/// </summary>
internal sealed class FailedVerificationLog : IDisposable
{
    // Not a valid project id, so it cannot collide with one.
    private const string UnknownProjects = "";

    private readonly ConcurrentDictionary<string, FailureWindow> _windows = new(StringComparer.Ordinal);
    private readonly ILogger<FailedVerificationLog> _logger;
    private readonly string _interval;
    private readonly ITimer _timer;

    public FailedVerificationLog(IOptions<WebhookOptions> options, TimeProvider timeProvider, ILogger<FailedVerificationLog> logger)
    {
        _logger = logger;
        var interval = options.Value.FailedVerificationLogInterval;
        _interval = interval.ToString("c", CultureInfo.InvariantCulture);
        _timer = timeProvider.CreateTimer(static state => ((FailedVerificationLog)state!).ReportCounts(), this, interval, interval);
    }

    /// <summary>Counts one failed verification; <paramref name="projectExists"/> says whether the id names a project of the provider.</summary>
    public void Record(string provider, string projectId, bool projectExists, string? eventName, string? deliveryId, string detail)
    {
        var window = _windows.GetOrAdd(projectExists ? projectId : UnknownProjects, static _ => new FailureWindow());
        if (!window.Record())
            return;
        if (projectExists)
            DeliveryLog.FailedVerification(_logger, provider, eventName, deliveryId, projectId, detail, _interval);
        else
            DeliveryLog.UnknownProject(_logger, provider, eventName, deliveryId, projectId, _interval);
    }

    public void Dispose() => _timer.Dispose();

    private void ReportCounts()
    {
        foreach (var (key, window) in _windows)
        {
            var followers = window.Close(out var hadFailures);
            if (!hadFailures)
            {
                // Quiet for a whole interval: the project leaves the table, its next failure is logged in full again.
                _windows.TryRemove(KeyValuePair.Create(key, window));
                continue;
            }

            if (followers == 0)
                continue;
            if (key == UnknownProjects)
                DeliveryLog.MoreUnknownProjects(_logger, followers, _interval);
            else
                DeliveryLog.MoreFailedVerifications(_logger, followers, key, _interval);
        }
    }
}
