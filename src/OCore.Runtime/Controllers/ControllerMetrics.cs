using Prometheus;

namespace OCore.Runtime.Controllers;

internal static class ControllerMetrics
{
    public static readonly Counter Reconciles = Metrics.CreateCounter("ocore_reconcile_total",
        "Reconciles by controller and result (success, requeue, error).", "controller", "result");

    public static readonly Histogram Duration = Metrics.CreateHistogram("ocore_reconcile_duration_seconds",
        "How long one reconcile takes.", new HistogramConfiguration
        {
            LabelNames = ["controller"],
            Buckets = Histogram.ExponentialBuckets(0.001, 4, 10),
        });
}
