namespace OCore.Git.Tests.Support;

/// <summary>Processes of this machine, read from /proc: how tests check that no ssh or git was left running.</summary>
internal static class RunningProcesses
{
    /// <summary>The ids of the processes (this one aside) whose command line contains <paramref name="marker"/>.</summary>
    public static List<int> Mentioning(string marker)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(marker, StringComparison.Ordinal))
                    found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }
}
