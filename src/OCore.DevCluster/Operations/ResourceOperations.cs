using System.Text.Json.Nodes;
using OCore.DevCluster.Crds;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Patching;
using OCore.DevCluster.Resources;
using OCore.DevCluster.Storage;

namespace OCore.DevCluster.Operations;

/// <summary>
/// The write semantics of kube-apiserver's generic registry: metadata rules, resourceVersion preconditions,
/// status isolation, generation, finalizers and deletion. Used by the HTTP layer and by the simulated controllers.
/// </summary>
internal sealed class ResourceOperations(ObjectStore store, ResourceRegistry registry, TimeProvider clock)
{
    public const string CrdResource = "customresourcedefinitions.apiextensions.k8s.io";

    /// <summary>Finalizer kube-apiserver puts on CRDs so their custom resources are deleted first.</summary>
    public const string CrdCleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    public ObjectStore Store => store;

    public ResourceRegistry Registry => registry;

    public JsonObject Get(ResourceType type, string ns, string name) =>
        Load(type, ns, name) ?? throw ApiErrors.NotFound(type, name);

    /// <summary>The object as this type serves it (converted from shared storage if needed), or null.</summary>
    public JsonObject? Load(ResourceType type, string ns, string name) =>
        store.Get(type.Storage, ns, name) is { } stored ? type.FromStorage(stored) : null;

    public List<JsonObject> List(ResourceType type, string? ns) =>
        type.Conversion is null ? store.List(type.Storage, ns) : [.. store.List(type.Storage, ns).Select(type.FromStorage)];

    /// <summary>One page of a list; <paramref name="matches"/> sees each object as this type serves it.</summary>
    public StorePage ListPage(ResourceType type, string? ns, Func<JsonObject, bool> matches, string? continueAfter, int limit)
    {
        if (type.Conversion is null)
        {
            return store.ListPage(type.Storage, ns, matches, continueAfter, limit);
        }
        var page = store.ListPage(type.Storage, ns, o => matches(type.FromStorage(o)), continueAfter, limit);
        return page with { Items = [.. page.Items.Select(type.FromStorage)] };
    }

    public JsonObject Create(ResourceType type, string ns, JsonObject body, WriteOptions options)
    {
        lock (store.Sync)
        {
            var obj = body.CloneObject();
            FillTypeMeta(type, obj);
            var metadata = obj.Metadata();
            ApplyNamespace(type, ns, metadata);
            if (metadata.GetString("name") is null or "")
            {
                if (metadata.GetString("generateName") is { Length: > 0 } prefix)
                {
                    metadata["name"] = Names.Generate(prefix);
                }
                else
                {
                    throw ApiErrors.Invalid(type, "", FieldError.Required("metadata.name", "name or generateName is required"));
                }
            }
            if (metadata.GetString("resourceVersion") is { Length: > 0 })
            {
                throw ApiErrors.Internal("resourceVersion should not be set on objects to be created");
            }
            if (type.Namespaced)
            {
                EnsureNamespaceAcceptsContent(ns);
            }
            var name = obj.Name();
            if (Load(type, ns, name) is not null)
            {
                throw ApiErrors.AlreadyExists(type, name);
            }
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Now();
            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            if (type.TracksGeneration)
            {
                metadata["generation"] = 1;
            }
            else
            {
                metadata.Remove("generation");
            }
            if (type.HasStatus)
            {
                obj.Remove("status");
            }
            BuiltInDefaults.OnCreate(type, obj);
            BuiltInDefaults.OnWrite(type, obj);
            Admit(type, obj, null, options);
            ManagedFields.RecordUpdate(type, obj, null, options.FieldManager, Now());
            return Commit(type, null, obj, options.DryRun);
        }
    }

    public JsonObject Update(ResourceType type, string ns, string name, JsonObject body, string? subresource, WriteOptions options)
    {
        lock (store.Sync)
        {
            var proposed = body.CloneObject();
            FillTypeMeta(type, proposed);
            if (proposed.Name() != name)
            {
                throw ApiErrors.BadRequest($"the name of the object ({proposed.Name()}) does not match the name on the URL ({name})");
            }
            ApplyNamespace(type, ns, proposed.Metadata());
            var existing = Load(type, ns, name) ?? throw ApiErrors.NotFound(type, name);
            var requested = proposed.ObjectAt("metadata").GetString("resourceVersion");
            if (string.IsNullOrEmpty(requested))
            {
                if (!type.AllowUnconditionalUpdate)
                {
                    throw ApiErrors.Invalid(type, name, FieldError.InvalidValue("metadata.resourceVersion", "0x0", "must be specified for an update"));
                }
            }
            else if (requested != existing.ObjectAt("metadata").GetString("resourceVersion"))
            {
                throw ApiErrors.Conflict(type, name);
            }
            return UpdateCore(type, existing, proposed, subresource, options);
        }
    }

    /// <summary>PATCH; returns the object and whether server-side apply created it.</summary>
    public (JsonObject Object, bool Created) Patch(ResourceType type, string ns, string name, string contentType, string body, string? subresource, WriteOptions options)
    {
        lock (store.Sync)
        {
            var existing = Load(type, ns, name);
            if (contentType == "application/apply-patch+yaml")
            {
                return ServerSideApply.Apply(this, type, ns, name, existing, body, subresource, options);
            }
            if (existing is null)
            {
                throw ApiErrors.NotFound(type, name);
            }
            JsonObject patched;
            try
            {
                patched = contentType switch
                {
                    "application/merge-patch+json" => JsonMergePatch.Apply(existing, ParseObject(body)) as JsonObject ?? throw new PatchFailedException("patch result is not an object"),
                    "application/json-patch+json" => JsonPatch.Apply(existing, JsonNode.Parse(body) as JsonArray ?? throw ApiErrors.BadRequest("a JSON patch must be an array")) as JsonObject
                        ?? throw new PatchFailedException("patch result is not an object"),
                    "application/strategic-merge-patch+json" when !type.IsCustom => StrategicMergePatch.Apply(existing, ParseObject(body)),
                    _ => throw ApiErrors.UnsupportedMediaType(contentType),
                };
            }
            catch (PatchFailedException e)
            {
                throw new ApiException(422, "Invalid", e.Message);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw ApiErrors.BadRequest($"error decoding patch: {e.Message}");
            }
            if (patched.ObjectAt("metadata").GetString("resourceVersion") is { } rv && rv != existing.ObjectAt("metadata").GetString("resourceVersion"))
            {
                throw ApiErrors.Conflict(type, name);
            }
            if (patched.Name() != name)
            {
                throw ApiErrors.Invalid(type, name, FieldError.InvalidValue("metadata.name", $"\"{patched.Name()}\"", "field is immutable"));
            }
            return (UpdateCore(type, existing, patched, subresource, options), false);
        }
    }

    /// <summary>Shared tail of PUT, PATCH and apply: isolates status, keeps system metadata, admits and commits.</summary>
    public JsonObject UpdateCore(ResourceType type, JsonObject existing, JsonObject proposed, string? subresource, WriteOptions options, bool recordManagedFields = true)
    {
        FillTypeMeta(type, proposed);
        JsonObject updated;
        if (subresource == "status")
        {
            updated = existing.CloneObject();
            if (proposed["status"] is { } status)
            {
                updated["status"] = status.DeepClone();
            }
            else
            {
                updated.Remove("status");
            }
        }
        else
        {
            updated = proposed.CloneObject();
            if (type.HasStatus)
            {
                if (existing["status"] is { } status)
                {
                    updated["status"] = status.DeepClone();
                }
                else
                {
                    updated.Remove("status");
                }
            }
            KeepSystemMetadata(type, existing, updated);
        }
        CheckFinalizers(type, existing, updated);
        BuiltInDefaults.OnWrite(type, updated);
        if (type.GroupResource == "namespaces" && existing.ObjectAt("spec")?["finalizers"] is { } nsFinalizers && subresource != "finalize")
        {
            updated.EnsureObject("spec")["finalizers"] = nsFinalizers.DeepClone();
        }
        Admit(type, updated, existing, options);
        if (type.TracksGeneration && subresource != "status" && SpecChanged(type, existing, updated))
        {
            updated.Metadata()["generation"] = (existing.ObjectAt("metadata").GetLong("generation") ?? 1) + 1;
        }
        if (recordManagedFields)
        {
            ManagedFields.RecordUpdate(type, updated, existing, options.FieldManager, Now(), subresource);
        }
        return Commit(type, existing, updated, options.DryRun);
    }

    /// <summary>
    /// Read-modify-write under the store lock for controllers: <paramref name="change"/> edits a copy and
    /// returns false when nothing needs to change. Returns null when the object is gone.
    /// </summary>
    public JsonObject? Mutate(ResourceType type, string ns, string name, Func<JsonObject, bool> change, string manager, string? subresource = null)
    {
        lock (store.Sync)
        {
            var existing = Load(type, ns, name);
            if (existing is null)
            {
                return null;
            }
            var copy = existing.CloneObject();
            return change(copy) ? UpdateCore(type, existing, copy, subresource, WriteOptions.System(manager)) : existing;
        }
    }

    /// <summary>DELETE: sets deletionTimestamp while finalizers remain, otherwise removes at once.</summary>
    public JsonObject Delete(ResourceType type, string ns, string name, DeleteOptions options)
    {
        lock (store.Sync)
        {
            var existing = Load(type, ns, name) ?? throw ApiErrors.NotFound(type, name);
            var metadata = existing.Metadata();
            if (options.PreconditionUid is { Length: > 0 } uid && uid != metadata.GetString("uid"))
            {
                throw ApiErrors.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {metadata.GetString("uid")}");
            }
            if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != metadata.GetString("resourceVersion"))
            {
                throw ApiErrors.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {metadata.GetString("resourceVersion")}");
            }
            if (existing.IsDeleting())
            {
                return existing;
            }
            var updated = existing.CloneObject();
            var finalizers = updated.Finalizers();
            switch (options.PropagationPolicy)
            {
                case "Foreground" when !finalizers.Contains("foregroundDeletion"):
                    finalizers.Add("foregroundDeletion");
                    break;
                case "Orphan" when !finalizers.Contains("orphan"):
                    finalizers.Add("orphan");
                    break;
            }
            if (finalizers.Count > 0 || HasSpecFinalizers(type, updated))
            {
                var updatedMetadata = updated.Metadata();
                if (finalizers.Count > 0)
                {
                    updatedMetadata["finalizers"] = finalizers.ToJsonArray();
                }
                updatedMetadata["deletionTimestamp"] = Now();
                updatedMetadata["deletionGracePeriodSeconds"] = 0;
                if (type.TracksGeneration)
                {
                    updatedMetadata["generation"] = (updatedMetadata.GetLong("generation") ?? 1) + 1;
                }
                if (type.GroupResource == "namespaces")
                {
                    updated.EnsureObject("status")["phase"] = "Terminating";
                }
                return Commit(type, existing, updated, options.DryRun);
            }
            var final = options.DryRun ? existing : Remove(type, existing);
            return type.DeleteReturnsObject ? final : SuccessStatus(type, final);
        }
    }

    public JsonObject DeleteCollection(ResourceType type, string? ns, Func<JsonObject, bool> matches, DeleteOptions options)
    {
        var deleted = new JsonArray();
        foreach (var obj in List(type, ns).Where(matches))
        {
            try
            {
                var result = Delete(type, obj.Namespace(), obj.Name(), options);
                deleted.Add(result.GetString("kind") == "Status" ? obj : result);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted concurrently (for example by garbage collection): nothing left to do.
            }
        }
        return new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = store.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        };
    }

    /// <summary>Stores the result of a write; a write that changes nothing keeps the resourceVersion and emits no event.</summary>
    public JsonObject Commit(ResourceType type, JsonObject? existing, JsonObject updated, bool dryRun)
    {
        if (existing is not null && SameContent(existing, updated))
        {
            return existing;
        }
        if (updated.IsDeleting() && updated.Finalizers().Count == 0 && !HasSpecFinalizers(type, updated))
        {
            return dryRun ? updated : Remove(type, updated);
        }
        if (type.GroupResource == CrdResource)
        {
            var versions = CrdRegistration.Compile(type, updated);
            updated["status"] = CrdRegistration.Status(updated, existing?.ObjectAt("status"), Now());
            if (dryRun)
            {
                return updated;
            }
            var stored = store.Put(type.Storage, updated);
            if (!stored.IsDeleting())
            {
                registry.ServeCrd(stored.Name(), versions);
            }
            return stored;
        }
        if (dryRun)
        {
            if (existing is not null)
            {
                updated.Metadata()["resourceVersion"] = existing.ObjectAt("metadata").GetString("resourceVersion");
            }
            return updated;
        }
        return type.FromStorage(store.Put(type.Storage, type.ToStorage(updated)));
    }

    private JsonObject Remove(ResourceType type, JsonObject obj)
    {
        var final = type.FromStorage(store.Remove(type.Storage, type.ToStorage(obj)));
        if (type.GroupResource == CrdResource)
        {
            registry.RemoveCrd(obj.Name());
        }
        return final;
    }

    public string Now() => JsonExtensions.FormatTimestamp(clock.GetUtcNow());

    public void FillTypeMeta(ResourceType type, JsonObject obj)
    {
        if (obj["metadata"] is { } metadata && metadata is not JsonObject)
        {
            throw ApiErrors.BadRequest($"json: cannot unmarshal {metadata.GetValueKind().ToString().ToLowerInvariant()} into Go struct field {type.Kind}.metadata of type v1.ObjectMeta");
        }
        var apiVersion = obj.GetString("apiVersion");
        var kind = obj.GetString("kind");
        if (type.IsCustom && string.IsNullOrEmpty(kind))
        {
            throw ApiErrors.BadRequest($"Object 'Kind' is missing in '{obj.Compact()}'");
        }
        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw ApiErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion}) or kind {kind} does not match {type.Kind}");
        }
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        obj.Metadata();
    }

    private void Admit(ResourceType type, JsonObject obj, JsonObject? old, WriteOptions options)
    {
        if (!type.IsCustom)
        {
            var errors = MetadataValidation.Validate(type, obj);
            errors.AddRange(BuiltInValidation.Validate(type, obj, old));
            if (errors.Count > 0)
            {
                throw ApiErrors.Invalid(type, obj.Name(), errors);
            }
        }
        else
        {
            var labelErrors = MetadataValidation.Validate(type, obj).Where(e => e.Field != "metadata.name").ToList();
            if (labelErrors.Count > 0)
            {
                throw ApiErrors.Invalid(type, obj.Name(), labelErrors);
            }
        }
        options.Admission?.Invoke(type, obj);
        if (type.IsCustom)
        {
            CustomResourceAdmission.Admit(type, obj, old, options);
        }
        else if (type.GroupResource == CrdResource)
        {
            CrdRegistration.Compile(type, obj);
        }
    }

    private static void ApplyNamespace(ResourceType type, string ns, JsonObject metadata)
    {
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }
        var bodyNamespace = metadata.GetString("namespace");
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
        {
            throw ApiErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        metadata["namespace"] = ns;
    }

    private void EnsureNamespaceAcceptsContent(string ns)
    {
        var namespaceObject = store.Get("namespaces", "", ns) ?? throw ApiErrors.NamespaceNotFound(ns);
        if (namespaceObject.IsDeleting())
        {
            throw ApiErrors.Forbidden($"unable to create new content in namespace {ns} because it is being terminated",
                new JsonObject { ["name"] = ns, ["kind"] = "namespaces", ["causes"] = new JsonArray(new JsonObject { ["reason"] = "NamespaceTerminating", ["message"] = $"namespace {ns} is being terminated", ["field"] = "metadata.namespace" }) });
        }
    }

    private static void KeepSystemMetadata(ResourceType type, JsonObject existing, JsonObject updated)
    {
        var from = existing.Metadata();
        var to = updated.Metadata();
        var uid = to.GetString("uid");
        if (!string.IsNullOrEmpty(uid) && uid != from.GetString("uid"))
        {
            throw ApiErrors.Invalid(type, existing.Name(), FieldError.InvalidValue("metadata.uid", $"\"{uid}\"", "field is immutable"));
        }
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            if (from[field] is { } value)
            {
                to[field] = value.DeepClone();
            }
            else
            {
                to.Remove(field);
            }
        }
        if (!to.ContainsKey("managedFields") && from["managedFields"] is { } managed)
        {
            to["managedFields"] = managed.DeepClone();
        }
    }

    private static void CheckFinalizers(ResourceType type, JsonObject existing, JsonObject updated)
    {
        if (!existing.IsDeleting())
        {
            return;
        }
        var before = existing.Finalizers();
        var added = updated.Finalizers().Where(f => !before.Contains(f)).ToList();
        if (added.Count > 0)
        {
            throw ApiErrors.Invalid(type, existing.Name(), FieldError.Forbidden("metadata.finalizers",
                $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(a => $"\"{a}\""))}}}"));
        }
    }

    private static bool HasSpecFinalizers(ResourceType type, JsonObject obj) =>
        type.GroupResource == "namespaces" && obj.ObjectAt("spec")?["finalizers"] is JsonArray { Count: > 0 };

    private static bool SpecChanged(ResourceType type, JsonObject existing, JsonObject updated)
    {
        var a = existing.CloneObject();
        var b = updated.CloneObject();
        foreach (var o in new[] { a, b })
        {
            o.Remove("metadata");
            if (type.HasStatus)
            {
                o.Remove("status");
            }
        }
        return !JsonNode.DeepEquals(a, b);
    }

    private static bool SameContent(JsonObject existing, JsonObject updated)
    {
        var a = existing.CloneObject();
        var b = updated.CloneObject();
        foreach (var o in new[] { a, b })
        {
            var m = o.Metadata();
            m.Remove("resourceVersion");
            // Timestamps inside managedFields change on every write; they alone are not a change.
            m.Remove("managedFields");
        }
        return JsonNode.DeepEquals(a, b);
    }

    private static JsonObject SuccessStatus(ResourceType type, JsonObject deleted) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject
        {
            ["name"] = deleted.Name(),
            ["group"] = type.Group,
            ["kind"] = type.Plural,
            ["uid"] = deleted.Uid(),
        },
    };

    private static JsonObject ParseObject(string body) =>
        JsonNode.Parse(body) as JsonObject ?? throw ApiErrors.BadRequest("the patch must be a JSON object");
}
