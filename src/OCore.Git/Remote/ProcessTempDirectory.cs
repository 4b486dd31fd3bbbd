using System.Diagnostics;
using System.Globalization;

namespace OCore.Git.Remote;

/// <summary>
/// A private (0700) temporary directory named after the process that owns it. A process that is killed cannot remove
/// its own (test hosts usually are), so creating one first removes those whose process is gone.
/// </summary>
internal static class ProcessTempDirectory
{
    public static string Create(string prefix)
    {
        var owned = prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-";
        RemoveOrphans(prefix);
        // CreateTempSubdirectory makes it 0700 on Unix.
        return Directory.CreateTempSubdirectory(owned).FullName;
    }

    private static void RemoveOrphans(string prefix)
    {
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
            {
                var rest = Path.GetFileName(directory)[prefix.Length..];
                var dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
                    Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: another process may be removing the same directory.
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's directory.
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
