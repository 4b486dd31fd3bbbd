using System.Globalization;
using System.Runtime.Versioning;
using OCore.Git.Remote;

namespace OCore.Git.Tests.Remote;

public sealed class ProcessTempDirectoryTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes are a Unix notion; the operator runs on Linux
    public void Creates_a_private_directory_and_removes_those_of_processes_that_are_gone()
    {
        var prefix = $"ocore-t{Guid.NewGuid():N}"[..16] + "-";
        var orphan = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), prefix + int.MaxValue.ToString(CultureInfo.InvariantCulture) + "-x")).FullName;
        var live = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-y")).FullName;

        var created = ProcessTempDirectory.Create(prefix);
        try
        {
            Assert.False(Directory.Exists(orphan));
            Assert.True(Directory.Exists(live));
            Assert.StartsWith(prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-", Path.GetFileName(created), StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(created));
        }
        finally
        {
            Directory.Delete(created);
            Directory.Delete(live);
        }
    }
}
