using OCore.CrdGen;

// Writes config/crds from the C# types. Run from the repository root, or pass the output folder.
var output = args.Length > 0 ? args[0] : Path.Combine("config", "crds");
Directory.CreateDirectory(output);
foreach (var stale in Directory.GetFiles(output, "*.ocore.io.yaml"))
    File.Delete(stale);
foreach (var (fileName, content) in CrdFiles.Generate())
{
    File.WriteAllText(Path.Combine(output, fileName), content);
    Console.WriteLine($"wrote {Path.Combine(output, fileName)}");
}
