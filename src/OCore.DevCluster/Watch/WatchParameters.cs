using OCore.DevCluster.Selectors;

namespace OCore.DevCluster.Watch;

/// <summary>The query parameters of a watch request.</summary>
internal sealed record WatchParameters(
    string? ResourceVersion,
    bool? SendInitialEvents,
    bool AllowBookmarks,
    int? TimeoutSeconds,
    LabelSelector Labels,
    FieldSelector Fields);
