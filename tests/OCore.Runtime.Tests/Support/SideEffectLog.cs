using System.Collections.Concurrent;
using System.Diagnostics;
using k8s.Autorest;

namespace OCore.Runtime.Tests.Support;

/// <summary>
/// Every write the test reconcilers send, shared by all simulated processes of a test, so the test can prove that
/// each side effect was applied exactly once, whoever applied it.
/// </summary>
internal sealed class SideEffectLog
{
    private readonly ConcurrentQueue<SideEffect> _effects = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IReadOnlyList<SideEffect> All => [.. _effects];

    public IReadOnlyList<SideEffect> Applied => All.Where(e => e.Applied).ToList();

    public IReadOnlyList<SideEffect> By(string process) => All.Where(e => e.Process == process).ToList();

    /// <summary>Sends one write and records its outcome; a write a killed process could not send is not recorded.</summary>
    public async Task WriteAsync(string process, string action, string target, string value, Func<Task> write)
    {
        var sentAt = _clock.Elapsed;
        try
        {
            await write();
            _effects.Enqueue(new SideEffect(process, action, target, value, 200) { SentAt = sentAt });
        }
        catch (HttpOperationException error)
        {
            _effects.Enqueue(new SideEffect(process, action, target, value, (int)error.Response.StatusCode) { SentAt = sentAt });
            throw;
        }
    }

    /// <summary>
    /// Fails unless every applied write is unique and no create ever found its object already there (409): either
    /// would mean a side effect ran twice. Conflicts of guarded updates are fine: they applied nothing.
    /// </summary>
    public void AssertNothingTwice()
    {
        var effects = All;
        var twice = effects.Where(e => e.Applied).GroupBy(e => (e.Action, e.Target, e.Value)).Where(g => g.Count() > 1).ToList();
        Assert.True(twice.Count == 0, "applied twice: " + string.Join("; ", twice.SelectMany(g => g)));
        var duplicateCreates = effects.Where(e => e.Action == "create" && e.Status == 409).ToList();
        Assert.True(duplicateCreates.Count == 0, "created twice: " + string.Join("; ", duplicateCreates));
    }
}
