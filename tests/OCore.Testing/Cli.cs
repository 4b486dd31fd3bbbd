using System.Diagnostics;

namespace OCore.Testing;

/// <summary>Runs the real command-line tools the tests build their repositories and keys with.</summary>
public static class Cli
{
    /// <summary>Runs <paramref name="file"/> and returns its standard output; throws with its error output on failure.</summary>
    public static string Run(string file, string? workingDirectory, params string[] arguments) =>
        RunWith(new Dictionary<string, string>(), file, workingDirectory, arguments);

    /// <summary>Like <see cref="Run"/>, with extra environment variables (a KUBECONFIG, a PATH with the tools).</summary>
    public static string RunWith(IReadOnlyDictionary<string, string> environment, string file, string? workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        // Commits must not depend on the machine's git configuration.
        startInfo.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_AUTHOR_NAME"] = "oCore Tests";
        startInfo.Environment["GIT_AUTHOR_EMAIL"] = "tests@ocore.invalid";
        startInfo.Environment["GIT_COMMITTER_NAME"] = "oCore Tests";
        startInfo.Environment["GIT_COMMITTER_EMAIL"] = "tests@ocore.invalid";
        foreach (var (name, value) in environment)
            startInfo.Environment[name] = value;

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {file}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        return output;
    }

    /// <summary>The full path of a program on PATH (or in <paramref name="extraDirectories"/>), or null.</summary>
    public static string? Find(string name, params string[] extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
