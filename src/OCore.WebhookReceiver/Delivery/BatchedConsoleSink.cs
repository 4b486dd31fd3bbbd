using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Formatting;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>
/// Writes log lines to standard output from one background loop that formats everything queued, then writes it in
/// one call. Serilog's console sink flushes every line (a write system call per delivery, under a lock the request
/// threads wait on); here a busy receiver writes the lines of a few milliseconds per call.
/// When the console cannot keep up, lines beyond <c>capacity</c> are dropped, never queued without bound.
/// </summary>
internal sealed class BatchedConsoleSink : ILogEventSink, IDisposable
{
    // A burst is written in parts of about this many characters, so the batch buffer stays small.
    private const int MaxBatchChars = 64 * 1024;
    private static readonly TimeSpan DrainOnDispose = TimeSpan.FromSeconds(5);

    // A busy receiver gathers the lines of this long into one write; an idle one writes each line this much later.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(2);

    private readonly Channel<LogEvent> _queue = Channel.CreateUnbounded<LogEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StringBuilder _batch = new(4096);
    private readonly ITextFormatter _formatter;
    private readonly StringWriter _batchWriter;
    private readonly int _capacity;
    private readonly Task _writeLoop;
    private int _queued;

    public BatchedConsoleSink(ITextFormatter formatter, int capacity)
    {
        _formatter = formatter;
        _capacity = capacity;
        _batchWriter = new StringWriter(_batch, CultureInfo.InvariantCulture);
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    public void Emit(LogEvent logEvent)
    {
        if (Interlocked.Increment(ref _queued) > _capacity)
        {
            Interlocked.Decrement(ref _queued);
            SelfLog.WriteLine("Console log queue is full ({0} lines); a line was dropped", _capacity);
            return;
        }

        _queue.Writer.TryWrite(logEvent);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writeLoop.Wait(DrainOnDispose);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await Task.Delay(Gather).ConfigureAwait(false);
            while (reader.TryRead(out var logEvent))
            {
                Interlocked.Decrement(ref _queued);
                Format(logEvent);
                if (_batch.Length >= MaxBatchChars)
                    WriteBatch();
            }

            WriteBatch();
        }
    }

    private void Format(LogEvent logEvent)
    {
        try
        {
            _formatter.Format(logEvent, _batchWriter);
        }
        catch (Exception e)
        {
            SelfLog.WriteLine("Formatting a log line failed: {0}", e);
        }
    }

    private void WriteBatch()
    {
        if (_batch.Length == 0)
            return;
        try
        {
            // Console.Out is read per batch, so a redirected console (Console.SetOut) is honoured as by the console sink.
            var output = Console.Out;
            foreach (var chunk in _batch.GetChunks())
                output.Write(chunk.Span);
            output.Flush();
        }
        catch (IOException e)
        {
            SelfLog.WriteLine("Writing log lines to the console failed: {0}", e);
        }
        finally
        {
            _batch.Clear();
        }
    }
}
