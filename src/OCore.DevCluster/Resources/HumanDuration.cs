using System.Globalization;

namespace OCore.DevCluster.Resources;

/// <summary>The short "5m10s" age format kubectl prints (apimachinery's duration.HumanDuration).</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }
        if (seconds < 0)
        {
            return "0s";
        }
        if (seconds < 120)
        {
            return S($"{seconds}s");
        }
        var minutes = (long)d.TotalMinutes;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? S($"{minutes}m") : S($"{minutes}m{s}s");
        }
        if (minutes < 180)
        {
            return S($"{minutes}m");
        }
        var hours = (long)d.TotalHours;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? S($"{hours}h") : S($"{hours}h{m}m");
        }
        if (hours < 48)
        {
            return S($"{hours}h");
        }
        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? S($"{hours / 24}d") : S($"{hours / 24}d{h}h");
        }
        if (hours < 24 * 365 * 2)
        {
            return S($"{hours / 24}d");
        }
        var days = hours / 24 % 365;
        return days == 0 || hours >= 24 * 365 * 8 ? S($"{hours / 24 / 365}y") : S($"{hours / 24 / 365}y{days}d");
    }

    private static string S(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
