using Prometheus;

namespace OCore.Runtime.Informers;

internal static class InformerMetrics
{
    public static readonly Counter WatchRestarts = Metrics.CreateCounter("ocore_informer_watch_restarts_total",
        "Watches re-opened, by resource and reason (closed, gone, error).", "resource", "reason");

    public static readonly Counter Relists = Metrics.CreateCounter("ocore_informer_relists_total", "Full lists, by resource.", "resource");
}
