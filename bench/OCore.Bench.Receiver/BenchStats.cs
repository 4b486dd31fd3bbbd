namespace OCore.Bench.Receiver;

/// <summary>GC counters that bench/run.sh reads before and after a load run.</summary>
internal sealed record BenchStats(long AllocatedBytes, long HeapBytes, int Gen0, int Gen1, int Gen2, long WorkingSetBytes);
