using k8s.Models;
using OCore.Runtime.Informers;

namespace OCore.Runtime.Tests.Informers;

public sealed class ChangeFiltersTests
{
    [Fact]
    public void A_status_only_update_is_filtered_out_and_every_other_change_passes()
    {
        var before = Map(generation: 1);

        Assert.False(ChangeFilters.NotStatusOnly(Updated(before, Map(generation: 1, resourceVersion: "2"))));
        Assert.True(ChangeFilters.NotStatusOnly(Updated(before, Map(generation: 2))));
        Assert.True(ChangeFilters.NotStatusOnly(Updated(before, Map(generation: 1, label: "b"))));
        Assert.True(ChangeFilters.NotStatusOnly(Updated(before, Map(generation: 1, annotation: "regenerate"))));
        Assert.True(ChangeFilters.NotStatusOnly(Updated(before, Map(generation: 1, deleting: true))));
        Assert.True(ChangeFilters.NotStatusOnly(Updated(before, Map(generation: 1, finalizer: "ocore.io/cleanup"))));
        Assert.True(ChangeFilters.NotStatusOnly(new InformerEvent<V1ConfigMap>(InformerEventType.Added, before, default)));
        Assert.True(ChangeFilters.NotStatusOnly(new InformerEvent<V1ConfigMap>(InformerEventType.Deleted, before, before)));
        Assert.True(ChangeFilters.NotStatusOnly(new InformerEvent<V1ConfigMap>(InformerEventType.Resync, before, before)));
    }

    [Fact]
    public void Existence_passes_appearing_disappearing_and_resynced_objects_only()
    {
        var map = Map(generation: 1);

        Assert.False(ChangeFilters.Existence(Updated(map, Map(generation: 2))));
        Assert.True(ChangeFilters.Existence(new InformerEvent<V1ConfigMap>(InformerEventType.Added, map, default)));
        Assert.True(ChangeFilters.Existence(new InformerEvent<V1ConfigMap>(InformerEventType.Deleted, map, map)));
        Assert.True(ChangeFilters.Existence(new InformerEvent<V1ConfigMap>(InformerEventType.Resync, map, map)));
    }

    private static InformerEvent<V1ConfigMap> Updated(V1ConfigMap old, V1ConfigMap now) => new(InformerEventType.Updated, now, old);

    private static V1ConfigMap Map(long generation, string resourceVersion = "1", string label = "a", string? annotation = null, bool deleting = false, string? finalizer = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "m",
            NamespaceProperty = "acme",
            Generation = generation,
            ResourceVersion = resourceVersion,
            Labels = new Dictionary<string, string> { ["app"] = label },
            Annotations = annotation is null ? null : new Dictionary<string, string> { ["ocore.io/action"] = annotation },
            DeletionTimestamp = deleting ? new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc) : null,
            Finalizers = finalizer is null ? null : [finalizer],
        },
    };
}
