using OCore.CrdGen;

// Writes the CRDs from the C# types to config/crds and to the chart (charts/ocore/crds). Run from the repository
// root, or pass the output folders.
string[] outputs = args.Length > 0 ? args : [Path.Combine("config", "crds"), Path.Combine("charts", "ocore", "crds")];
foreach (var output in outputs)
{
    Directory.CreateDirectory(output);
    foreach (var stale in Directory.GetFiles(output, "*.ocore.io.yaml"))
        File.Delete(stale);
    foreach (var (fileName, content) in CrdFiles.Generate())
    {
        File.WriteAllText(Path.Combine(output, fileName), content);
        Console.WriteLine($"wrote {Path.Combine(output, fileName)}");
    }
}
