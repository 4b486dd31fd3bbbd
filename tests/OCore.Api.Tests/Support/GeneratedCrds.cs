using System.Text.Json.Nodes;
using OCore.Api.V1Alpha1;
using OCore.CrdGen;

namespace OCore.Api.Tests.Support;

/// <summary>Validators for every generated CRD, found by apiVersion and kind.</summary>
public static class GeneratedCrds
{
    public static IReadOnlyList<CrdValidator> Validators { get; } =
        Kinds.All.Select(kind => new CrdValidator(CrdBuilder.Build(kind))).ToList();

    public static CrdValidator? For(JsonNode resource) =>
        Validators.SingleOrDefault(v =>
            v.ApiVersion == resource["apiVersion"]?.GetValue<string>() && v.Kind == resource["kind"]?.GetValue<string>());

    public static CrdValidator ForKind(string kind) => Validators.Single(v => v.Kind == kind);
}
