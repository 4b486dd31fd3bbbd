namespace OCore.Cli.Commands;

/// <summary>Plain text columns aligned with spaces, as kubectl prints them.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public TextTable Add(params string?[] cells)
    {
        _rows.Add([.. cells.Select(cell => cell ?? "")]);
        return this;
    }

    public void WriteTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var widths = headers.Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        output.WriteLine(Line(headers, widths));
        foreach (var row in _rows)
            output.WriteLine(Line(row, widths));
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("   ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd();
}
