namespace OCore.Bench.Cluster;

/// <summary>What one closed-loop load saw: answers by kind, duration and every request's latency.</summary>
internal sealed record LoadResult(int Requests, int Expected, int Other, double Seconds, List<double> LatenciesMs)
{
    public double PerSecond => Requests / Seconds;
}
