using LibGit2Sharp;

namespace OCore.Git.Modules;

/// <summary>Finds the Odoo modules of a commit: every folder, at any depth, that holds a <c>__manifest__.py</c>.</summary>
internal static class ModuleScanner
{
    public const string ManifestFile = "__manifest__.py";

    /// <summary>The modules of <paramref name="tree"/>, keyed by folder path (with '/' separators).</summary>
    public static Dictionary<string, OdooModule> Scan(Tree tree)
    {
        var modules = new Dictionary<string, OdooModule>(StringComparer.Ordinal);
        Visit(tree, "", modules);
        return modules;
    }

    private static void Visit(Tree tree, string directory, Dictionary<string, OdooModule> modules)
    {
        foreach (var entry in tree)
        {
            // Submodules (GitLink entries) are other repositories whose content this commit does not hold.
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                Visit((Tree)entry.Target, directory.Length == 0 ? entry.Name : $"{directory}/{entry.Name}", modules);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob && entry.Name == ManifestFile && directory.Length > 0
                && entry.Mode != Mode.SymbolicLink)
            {
                // Odoo names a module after its folder, so a manifest at the repository root names nothing.
                var name = directory[(directory.LastIndexOf('/') + 1)..];
                var version = ManifestVersion.Parse(((Blob)entry.Target).GetContentText());
                modules[directory] = new OdooModule(name, directory, version);
            }
        }
    }
}
