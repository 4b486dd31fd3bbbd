namespace OCore.Bench.Receiver;

/// <summary>
/// GC counters that bench/run.sh reads before and after a load run, and how many webhook deliveries were answered
/// (counted here, so that per-request figures include deliveries wrk gave up on when its run ended).
/// </summary>
internal sealed record BenchStats(long AllocatedBytes, long HeapBytes, int Gen0, int Gen1, int Gen2, long WorkingSetBytes, long Answered);
