using System.Globalization;

namespace OCore.Cli.Commands;

/// <summary>Parses the durations the options take: 90, 90s, 5m, 1h.</summary>
public static class Durations
{
    public static TimeSpan Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hasUnit = text.Length > 0 && char.IsAsciiLetter(text[^1]);
        var unit = hasUnit ? text[^1] : 's';
        var number = hasUnit ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new CliException(ExitCodes.Usage, $"{option}: \"{text}\" is not a duration; use e.g. 60s, 5m or 1h");
        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => throw new CliException(ExitCodes.Usage, $"{option}: unknown unit '{unit}' in \"{text}\"; use s, m or h"),
        };
    }
}
