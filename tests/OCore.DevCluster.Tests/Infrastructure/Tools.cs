namespace OCore.DevCluster.Tests.Infrastructure;

/// <summary>Finds kubectl and helm in &lt;repo&gt;/.tools/bin (installed by scripts/install-tools.sh).</summary>
public static class Tools
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Kubectl => Require("kubectl");

    public static string Helm => Require("helm");

    private static string Require(string name)
    {
        var path = Path.Combine(RepositoryRoot, ".tools", "bin", name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{name} not found at {path}; run scripts/install-tools.sh to install kubectl and helm.");
        }
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OCore.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (the folder containing OCore.sln)");
    }
}
