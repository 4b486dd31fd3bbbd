namespace OCore.Testing;

/// <summary>The checkout's root folder (the one holding OCore.sln), found from the test assembly's location.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OCore.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("OCore.sln not found above " + AppContext.BaseDirectory);
    }
}
