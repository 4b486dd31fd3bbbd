using System.Diagnostics;
using Xunit;

namespace OCore.Testing;

/// <summary>Polls until a condition holds, failing with the given message (and the last observation) after a deadline.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> Until<T>(Func<Task<T>> observe, Func<T, bool> condition, string message, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await observe();
            if (condition(value))
                return value;
            if (clock.Elapsed > (timeout ?? DefaultTimeout))
                Assert.Fail($"{message} (not within {(timeout ?? DefaultTimeout).TotalSeconds:0} s; last: {Describe(value)})");
            await Task.Delay(50);
        }
    }

    public static Task Until(Func<bool> condition, string message, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(condition()), ok => ok, message, timeout);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        string text => text,
        _ => k8s.KubernetesJson.Serialize(value),
    };
}
