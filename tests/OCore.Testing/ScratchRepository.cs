namespace OCore.Testing;

/// <summary>A real git working repository in a temporary directory, changed and committed with the git CLI.</summary>
public sealed class ScratchRepository : IDisposable
{
    public ScratchRepository()
    {
        Path = Directory.CreateTempSubdirectory("ocore-git-scratch-").FullName;
        Git("init", "--quiet", "--initial-branch=main");
    }

    public string Path { get; }

    public ScratchRepository Write(string relativePath, string content)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return this;
    }

    public ScratchRepository Delete(string relativePath)
    {
        Git("rm", "-r", "--quiet", relativePath);
        return this;
    }

    /// <summary>Commits everything and returns the new commit id.</summary>
    public string Commit(string message)
    {
        Git("add", "--all");
        Git("commit", "--quiet", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] arguments) => Cli.Run("git", Path, arguments);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
