using OCore.Git.Serving;

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
        // Commits must not depend on the machine's git configuration.
        var settings = new Dictionary<string, string>
        {
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_AUTHOR_NAME"] = "oCore Tests",
            ["GIT_AUTHOR_EMAIL"] = "tests@ocore.invalid",
            ["GIT_COMMITTER_NAME"] = "oCore Tests",
            ["GIT_COMMITTER_EMAIL"] = "tests@ocore.invalid",
        };
        foreach (var (name, value) in environment)
            settings[name] = value;
        return LocalTool.RunAsync(file, workingDirectory, settings, arguments).GetAwaiter().GetResult();
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
