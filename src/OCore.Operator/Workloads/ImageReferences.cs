using System.Text.RegularExpressions;
using OCore.Api.Schema;

namespace OCore.Operator.Workloads;

/// <summary>Reads the images oCore builds, which are tagged with their commit: <c>repository:commit[@digest]</c>.</summary>
public static partial class ImageReferences
{
    /// <summary>The commit an image is tagged with, or null when its tag is not a commit id.</summary>
    public static string? CommitOf(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var reference = image.Split('@')[0];
        var colon = reference.LastIndexOf(':');
        if (colon <= reference.LastIndexOf('/'))
            return null; // no tag (a colon before the last slash is a registry port)
        var tag = reference[(colon + 1)..];
        return CommitSha().IsMatch(tag) ? tag : null;
    }

    [GeneratedRegex(Patterns.CommitSha)]
    private static partial Regex CommitSha();
}
