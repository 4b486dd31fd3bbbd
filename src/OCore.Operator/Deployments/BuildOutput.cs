using System.Text.RegularExpressions;

namespace OCore.Operator.Deployments;

/// <summary>Reads what the build Job reports in its log: the pushed image with its digest.</summary>
public static partial class BuildOutput
{
    public const string ImageLinePrefix = "oCore image: ";

    /// <summary>The last <c>oCore image: repository@sha256:…</c> line, or null when the build did not print one.</summary>
    public static string? ImageFrom(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return ImageLine().Matches(log).LastOrDefault()?.Groups["image"].Value;
    }

    [GeneratedRegex(@"^oCore image: (?<image>[^\s@]+@sha256:[0-9a-f]{64})\s*$", RegexOptions.Multiline)]
    private static partial Regex ImageLine();
}
