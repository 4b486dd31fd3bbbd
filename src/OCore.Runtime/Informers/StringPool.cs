using System.Collections.Concurrent;

namespace OCore.Runtime.Informers;

/// <summary>
/// Shares one instance of strings that many cached objects repeat (namespaces, label keys and values, condition
/// types, reasons and messages), so 10,000 copies of the same text cost one. Bounded: past its capacity it stops
/// adding and hands strings back as they are, so a stream of unique values cannot grow it without end.
/// </summary>
public sealed class StringPool(int capacity)
{
    private const int MaxLength = 256;
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pool the informers share.</summary>
    public static StringPool Shared { get; } = new(200_000);

    public int Count => _strings.Count;

    public string? Intern(string? value)
    {
        if (value is null || value.Length > MaxLength)
            return value;
        if (_strings.TryGetValue(value, out var pooled))
            return pooled;
        return _strings.Count < capacity ? _strings.GetOrAdd(value, value) : value;
    }
}
