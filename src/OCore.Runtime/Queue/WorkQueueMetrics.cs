using Prometheus;

namespace OCore.Runtime.Queue;

/// <summary>Queue depth and how long keys wait, per controller, in Prometheus form.</summary>
public sealed class WorkQueueMetrics(string controller)
{
    private static readonly Gauge Depth = Metrics.CreateGauge("ocore_workqueue_depth", "Keys waiting in the work queue.", "controller");
    private static readonly Counter Adds = Metrics.CreateCounter("ocore_workqueue_adds_total", "Keys queued.", "controller");
    private static readonly Histogram Latency = Metrics.CreateHistogram("ocore_workqueue_queue_duration_seconds",
        "How long a key waits before a worker takes it.", new HistogramConfiguration
        {
            LabelNames = ["controller"],
            Buckets = Histogram.ExponentialBuckets(0.001, 4, 10),
        });

    public void Enqueued(int depth)
    {
        Adds.WithLabels(controller).Inc();
        Depth.WithLabels(controller).Set(depth);
    }

    public void Dequeued(TimeSpan waited, int depth)
    {
        Latency.WithLabels(controller).Observe(waited.TotalSeconds);
        Depth.WithLabels(controller).Set(depth);
    }
}
