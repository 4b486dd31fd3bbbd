using OCore.Chart.Tests.Support;
using OCore.Testing;

namespace OCore.Chart.Tests;

/// <summary>Copies that must never drift: the chart's CRDs and the plain-manifest install.</summary>
public sealed class DriftTests : IDisposable
{
    private const string CopyCrds = "dotnet run --project tools/OCore.CrdGen";
    private const string RenderInstall = "helm template ocore charts/ocore --namespace ocore --include-crds -f config/install/values.yaml > config/install/ocore.yaml";
    private readonly KubeTools _tools = new();

    public void Dispose() => _tools.Dispose();

    [Fact]
    public void The_chart_crds_are_the_generated_ones()
    {
        var generated = Directory.GetFiles(RepositoryRoot.Combine("config", "crds"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var chart = Directory.GetFiles(RepositoryRoot.Combine("charts", "ocore", "crds"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(generated.SequenceEqual(chart), $"charts/ocore/crds has {string.Join(", ", chart)} but config/crds has {string.Join(", ", generated)}; run: {CopyCrds}");
        foreach (var file in generated)
        {
            var same = File.ReadAllText(RepositoryRoot.Combine("config", "crds", file!)) == File.ReadAllText(RepositoryRoot.Combine("charts", "ocore", "crds", file!));
            Assert.True(same, $"charts/ocore/crds/{file} differs from config/crds/{file}; run: {CopyCrds}");
        }
    }

    [Fact]
    public async Task The_plain_manifest_is_the_rendered_chart()
    {
        var rendered = (await _tools.HelmAsync("template", "ocore", "charts/ocore", "--namespace", "ocore", "--include-crds", "-f", "config/install/values.yaml")).Ok().Stdout;
        var committed = await File.ReadAllTextAsync(RepositoryRoot.Combine("config", "install", "ocore.yaml"));
        Assert.True(rendered == committed, $"config/install/ocore.yaml is not the rendered chart; run from the repository root: {RenderInstall}");

        var kustomized = (await _tools.KubectlAsync("kustomize", "config/install")).Ok().Stdout;
        var objects = new Rendered(kustomized);
        Assert.Equal(5, objects.OfKind("CustomResourceDefinition").Count());
        objects.Get("Namespace", "ocore");
        objects.Get("Deployment", "ocore-operator");
    }
}
