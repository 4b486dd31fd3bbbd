using Microsoft.Extensions.Time.Testing;

namespace OCore.GitProviders.Tests.Support;

public static class ClockDriver
{
    /// <summary>
    /// Moves the fake clock in small steps until <paramref name="task"/> ends, whenever its timer starts, and returns
    /// how far the clock moved: a task that waited for a delay on that clock needs at least that delay.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilDoneAsync(FakeTimeProvider time, Task task, TimeSpan step)
    {
        var advanced = TimeSpan.Zero;
        for (var i = 0; i < 500 && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(10));
            if (task.IsCompleted)
                break;
            time.Advance(step);
            advanced += step;
        }

        Assert.True(task.IsCompleted, "the call did not finish while the clock moved");
        return advanced;
    }
}
