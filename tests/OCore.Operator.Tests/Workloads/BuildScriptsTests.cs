using System.Diagnostics;
using OCore.Operator.Deployments;
using OCore.Operator.Workloads;

namespace OCore.Operator.Tests.Workloads;

/// <summary>Runs the build Job's scripts with sh and git, with only their fixed paths moved into a temporary directory.</summary>
public sealed class BuildScriptsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ocore-build-scripts-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void The_clone_script_checks_out_exactly_the_commit_and_never_evaluates_the_url()
    {
        // A repository path a shell would run if it were interpolated.
        var repository = Path.Combine(root, "repo $(touch pwned) `touch pwned2`");
        Directory.CreateDirectory(repository);
        Run(repository, "git", "init", "-q");
        File.WriteAllText(Path.Combine(repository, "requirements.txt"), "first\n");
        Run(repository, "git", "add", ".");
        Run(repository, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        var commit = Run(repository, "git", "rev-parse", "HEAD").Trim();
        File.WriteAllText(Path.Combine(repository, "requirements.txt"), "second\n");
        Run(repository, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "second");

        var source = Path.Combine(root, "src");
        var script = BuildScripts.Clone.Replace(BuildScripts.SourceDirectory, source, StringComparison.Ordinal);
        Run(root, "sh", ["-c", script], new() { ["OCORE_REPOSITORY_URL"] = repository, ["OCORE_COMMIT"] = commit });

        Assert.Equal("first\n", File.ReadAllText(Path.Combine(source, "requirements.txt")));
        Assert.False(Directory.Exists(Path.Combine(source, ".git")));
        Assert.Empty(Directory.GetFiles(root, "pwned*", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_build_script_passes_the_arguments_to_kaniko_and_prints_the_image_the_controller_reads()
    {
        const string digest = "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
        var digestFile = Path.Combine(root, "termination-log");
        var argsFile = Path.Combine(root, "args");
        var executor = Path.Combine(root, "executor");
        File.WriteAllText(executor, $"printf '%s\\n' \"$@\" > '{argsFile}'\nprintf '{digest}' > '{digestFile}'\n");
        var script = BuildScripts.Build
            .Replace("/kaniko/executor", $"sh '{executor}'", StringComparison.Ordinal)
            .Replace("/dev/termination-log", digestFile, StringComparison.Ordinal);

        var output = Run(root, "sh", ["-c", script, "kaniko", "--destination=registry.acme.example/shop/odoo:abc", "--arg with space"],
            new() { ["OCORE_IMAGE_REPOSITORY"] = "registry.acme.example/shop/odoo", ["OCORE_COMMIT"] = WorkloadFixtures.Commit });

        Assert.Equal(["--destination=registry.acme.example/shop/odoo:abc", "--arg with space"], File.ReadAllLines(argsFile));
        Assert.Equal($"registry.acme.example/shop/odoo:{WorkloadFixtures.Commit}@{digest}", BuildOutput.ImageFrom(output));
        Assert.Equal(BuildOutput.ImageLinePrefix, BuildScripts.ImageLinePrefix);
    }

    private static string Run(string directory, string file, params string[] args) => Run(directory, file, args, []);

    private static string Run(string directory, string file, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} exited with {process.ExitCode}: {stderr}");
        return stdout.Result;
    }
}
