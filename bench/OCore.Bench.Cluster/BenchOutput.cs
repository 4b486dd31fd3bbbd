using System.Globalization;

namespace OCore.Bench.Cluster;

/// <summary>
/// The figures of one run as <c>KEY=value</c> lines in bench/out/NAME.env, which bench/write-results.sh sources;
/// each line is echoed to stderr so the run shows progress.
/// </summary>
internal sealed class BenchOutput(string directory, string name)
{
    private readonly string _path = Path.Combine(directory, name + ".env");
    private readonly List<string> _lines = [];

    public void Add(string key, double value) => Add(key, value.ToString("0.###", CultureInfo.InvariantCulture));

    public void Add(string key, string value)
    {
        // Sourced by bash: keep values on one line and quoted.
        var line = $"{key}='{value.Replace("'", "", StringComparison.Ordinal).ReplaceLineEndings(" ")}'";
        _lines.Add(line);
        Console.Error.WriteLine($"[{name}] {line}");
        File.WriteAllLines(_path, _lines);
    }

    public static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");
}
