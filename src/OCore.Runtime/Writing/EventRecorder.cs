using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace OCore.Runtime.Writing;

/// <summary>
/// Records events.k8s.io/v1 Events about objects. A repeat of the same event (object, type, reason, note) within
/// ten minutes bumps the first one's series instead of creating another object. Notes are redacted and capped.
/// Recording never fails the caller: an event is a courtesy, not a step.
/// </summary>
public sealed class EventRecorder(IKubernetes kubernetes, string controllerName, string instance, ILogger<EventRecorder> logger, TimeProvider? time = null)
{
    private const int MaxNoteLength = 1024;
    private static readonly TimeSpan SeriesWindow = TimeSpan.FromMinutes(10);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Recorded> _recent = new();

    public Task NormalAsync(IKubernetesObject<V1ObjectMeta> regarding, string reason, string note, CancellationToken cancellationToken) =>
        RecordAsync(regarding, "Normal", reason, note, cancellationToken);

    public Task WarningAsync(IKubernetesObject<V1ObjectMeta> regarding, string reason, string note, CancellationToken cancellationToken) =>
        RecordAsync(regarding, "Warning", reason, note, cancellationToken);

    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        note = SecretRedactor.Redact(note);
        if (note.Length > MaxNoteLength)
            note = note[..(MaxNoteLength - 1)] + "…";
        var key = $"{regarding.Metadata.Uid}\n{type}\n{reason}\n{note}";
        var now = _time.GetUtcNow().UtcDateTime;
        try
        {
            if (_recent.TryGetValue(key, out var previous) && now - previous.FirstSeen < SeriesWindow)
            {
                var count = previous.Count + 1;
                var series = new { series = new { count, lastObservedTime = now.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture) } };
                var patch = System.Text.Json.JsonSerializer.Serialize(series);
                await kubernetes.EventsV1.PatchNamespacedEventAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
                    previous.Name, regarding.Metadata.NamespaceProperty ?? "default", cancellationToken: cancellationToken);
                _recent[key] = previous with { Count = count };
                return;
            }

            var created = await kubernetes.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
            {
                Metadata = new V1ObjectMeta { GenerateName = $"{regarding.Metadata.Name}.", NamespaceProperty = regarding.Metadata.NamespaceProperty ?? "default" },
                EventTime = now,
                ReportingController = controllerName,
                ReportingInstance = instance,
                Action = reason,
                Reason = reason,
                Type = type,
                Note = note,
                Regarding = new V1ObjectReference
                {
                    ApiVersion = regarding.ApiVersion,
                    Kind = regarding.Kind,
                    Name = regarding.Metadata.Name,
                    NamespaceProperty = regarding.Metadata.NamespaceProperty,
                    Uid = regarding.Metadata.Uid,
                    ResourceVersion = regarding.Metadata.ResourceVersion,
                },
            }, regarding.Metadata.NamespaceProperty ?? "default", cancellationToken: cancellationToken);
            _recent[key] = new Recorded(created.Metadata.Name, now, 1);
            Prune(now);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Could not record event {Reason} for {Kind} {Name}: {Message}", reason, regarding.Kind, regarding.Metadata.Name, error.Message);
        }
    }

    private void Prune(DateTime now)
    {
        foreach (var (key, recorded) in _recent)
        {
            if (now - recorded.FirstSeen >= SeriesWindow)
                _recent.TryRemove(key, out _);
        }
    }

    private sealed record Recorded(string Name, DateTime FirstSeen, int Count);
}
