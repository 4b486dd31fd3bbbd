using System.Globalization;
using System.Text.RegularExpressions;

namespace OCore.Operator.Polling;

/// <summary>When a project's repository is looked at next. Pure.</summary>
public static partial class PollSchedule
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>How soon a repository that could not be read is tried again: soon enough to notice a deploy key just added.</summary>
    public static readonly TimeSpan RetryWhileFailing = TimeSpan.FromSeconds(30);

    /// <summary>Parses a Go duration such as <c>90s</c>, <c>5m</c> or <c>1h30m</c>; <c>0s</c> is zero (polling off).</summary>
    public static TimeSpan ParseInterval(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return DefaultInterval;
        var total = TimeSpan.Zero;
        var matches = Part().Matches(value);
        if (matches.Sum(m => m.Length) != value.Length)
            throw new FormatException($"'{value}' is not a duration such as 30s, 5m or 1h30m");
        foreach (Match part in matches)
        {
            var amount = double.Parse(part.Groups["amount"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }

        return total;
    }

    /// <summary>The time of the next look, or null when it is due now.</summary>
    public static DateTime? Next(DateTime? lastPolled, TimeSpan interval, bool accessible, DateTime now)
    {
        if (lastPolled is null)
            return null;
        var wait = accessible ? interval : Min(interval == TimeSpan.Zero ? RetryWhileFailing : interval, RetryWhileFailing);
        if (accessible && interval == TimeSpan.Zero)
            return DateTime.MaxValue; // Polling is off and the repository was readable: look again only when the spec changes.
        var next = lastPolled.Value + wait;
        return next <= now ? null : next;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [GeneratedRegex("(?<amount>[0-9]+(\\.[0-9]+)?)(?<unit>ms|s|m|h)")]
    private static partial Regex Part();
}
