using LibGit2Sharp;

namespace OCore.Git.Modules;

/// <summary>
/// What a deployment must do to the Odoo database when it moves from one commit to another: which modules to
/// install (<c>-i</c>), which to update (<c>-u</c>), which disappeared, and whether Python requirements changed.
/// A module is a folder, at any depth, holding a <c>__manifest__.py</c>; its name is the folder's name.
/// </summary>
public sealed record OdooModuleChanges
{
    /// <summary>Modules present in both commits whose files changed or whose manifest version changed; sorted.</summary>
    public required IReadOnlyList<string> Update { get; init; }

    /// <summary>Modules new in the new commit (all of them on a first deployment); sorted.</summary>
    public required IReadOnlyList<string> Install { get; init; }

    /// <summary>Modules gone from the new commit; never updated, and left installed in the database; sorted.</summary>
    public required IReadOnlyList<string> Removed { get; init; }

    /// <summary>
    /// Whether a <c>requirements.txt</c> (at the root or in any folder) changed, so the build must install Python
    /// dependencies again. On a first deployment: whether there is any.
    /// </summary>
    public required bool RequirementsChanged { get; init; }

    /// <summary>Why each module of <see cref="Update"/>, <see cref="Install"/> and <see cref="Removed"/> is there.</summary>
    public required IReadOnlyDictionary<string, string> Reasons { get; init; }

    /// <summary>
    /// Compares two commits of a local repository (for example the commit cache's copy, filled by
    /// <see cref="Remote.RemoteRepository.FetchBranchTipAsync"/> with its base commit).
    /// </summary>
    /// <param name="repositoryPath">A local repository (working tree or bare) holding both commits.</param>
    /// <param name="previousCommit">The commit deployed now, or null on a first deployment.</param>
    /// <param name="newCommit">The commit to deploy.</param>
    /// <exception cref="ArgumentException">A commit is not in the repository.</exception>
    public static OdooModuleChanges Compute(string repositoryPath, string? previousCommit, string newCommit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(newCommit);
        using var repository = new Repository(repositoryPath);
        var next = Find(repository, newCommit, nameof(newCommit));
        var modules = ModuleScanner.Scan(next.Tree);
        if (previousCommit is null)
            return FirstDeployment(modules.Values, next.Tree);

        var previous = Find(repository, previousCommit, nameof(previousCommit));
        using var changes = repository.Diff.Compare<TreeChanges>(previous.Tree, next.Tree);
        var changedPaths = changes.SelectMany(change => new[] { change.OldPath, change.Path }).Distinct(StringComparer.Ordinal).ToList();
        return Compare(ModuleScanner.Scan(previous.Tree), modules, changedPaths);
    }

    private static OdooModuleChanges FirstDeployment(IEnumerable<OdooModule> modules, Tree tree)
    {
        var names = modules.Select(module => module.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new OdooModuleChanges
        {
            Update = [],
            Install = names,
            Removed = [],
            RequirementsChanged = HasRequirements(tree),
            Reasons = names.ToDictionary(name => name, _ => "first deployment", StringComparer.Ordinal),
        };
    }

    private static OdooModuleChanges Compare(
        Dictionary<string, OdooModule> before, Dictionary<string, OdooModule> after, List<string> changedPaths)
    {
        // Modules are matched by name, so a module moved to another folder is updated, not removed and installed.
        var oldByName = before.Values.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newByName = after.Values.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var changedFiles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in changedPaths)
        {
            if ((OwnerOf(path, after) ?? OwnerOf(path, before)) is { } owner)
            {
                var files = changedFiles.TryGetValue(owner.Name, out var list) ? list : changedFiles[owner.Name] = [];
                files.Add(path[(owner.Directory.Length + 1)..]);
            }
        }

        var reasons = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var install = newByName.Keys.Where(name => !oldByName.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var removed = oldByName.Keys.Where(name => !newByName.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var update = new List<string>();
        foreach (var name in install)
            reasons[name] = "new module";
        foreach (var name in removed)
            reasons[name] = "removed from the repository";
        foreach (var (name, module) in newByName.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!oldByName.TryGetValue(name, out var old))
                continue;
            var why = new List<string>();
            if (old.Version != module.Version)
                why.Add($"manifest version changed from {old.Version ?? "(none)"} to {module.Version ?? "(none)"}");
            if (changedFiles.TryGetValue(name, out var files))
                why.Add(DescribeFiles(files));
            if (why.Count == 0)
                continue;
            update.Add(name);
            reasons[name] = string.Join("; ", why);
        }

        return new OdooModuleChanges
        {
            Update = update,
            Install = install,
            Removed = removed,
            RequirementsChanged = changedPaths.Any(IsRequirementsFile),
            Reasons = reasons,
        };
    }

    /// <summary>The innermost module whose folder holds <paramref name="path"/>, or null outside every module.</summary>
    private static OdooModule? OwnerOf(string path, Dictionary<string, OdooModule> modules)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (modules.TryGetValue(path[..slash], out var module))
                return module;
        }

        return null;
    }

    private static string DescribeFiles(List<string> files)
    {
        const int shown = 3;
        var sorted = files.Order(StringComparer.Ordinal).ToList();
        var list = string.Join(", ", sorted.Take(shown)) + (sorted.Count > shown ? $" and {sorted.Count - shown} more" : "");
        return $"{sorted.Count} file{(sorted.Count == 1 ? "" : "s")} changed: {list}";
    }

    private static bool IsRequirementsFile(string path) =>
        path == "requirements.txt" || path.EndsWith("/requirements.txt", StringComparison.Ordinal);

    private static bool HasRequirements(Tree tree) =>
        tree.Any(entry => entry.TargetType == TreeEntryTargetType.Blob && entry.Name == "requirements.txt"
            || entry.TargetType == TreeEntryTargetType.Tree && HasRequirements((Tree)entry.Target));

    private static Commit Find(Repository repository, string commit, string parameterName) =>
        repository.Lookup<Commit>(commit)
        ?? throw new ArgumentException($"commit {commit} is not in the repository; fetch it first", parameterName);
}
