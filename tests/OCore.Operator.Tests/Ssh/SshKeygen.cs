using System.Diagnostics;

namespace OCore.Operator.Tests.Ssh;

/// <summary>Runs the real <c>ssh-keygen</c> (openssh-client) on files the test writes.</summary>
internal static class SshKeygen
{
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("ssh-keygen") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ssh-keygen {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    public static string WriteTemp(string content, bool privateFile = false)
    {
        var path = Path.Combine(Path.GetTempPath(), "ocore-test-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        if (privateFile && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
