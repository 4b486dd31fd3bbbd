using OCore.Api.Serialization;
using OCore.Api.Tests.Support;
using OCore.Testing;

namespace OCore.Api.Tests.Crds;

public sealed class SampleValidationTests
{
    public static TheoryData<string> SampleFiles()
    {
        var root = RepositoryRoot.Combine("config", "samples");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_sample_is_valid_against_its_crd(string file)
    {
        foreach (var resource in JsonYaml.ReadDocuments(File.ReadAllText(RepositoryRoot.Combine("config", "samples", file))))
        {
            var validator = GeneratedCrds.For(resource);
            if (validator is null)
            {
                Assert.DoesNotContain("ocore.io", resource["apiVersion"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
                continue;
            }

            Assert.Equal("acme", resource["metadata"]!["namespace"]!.GetValue<string>());
            Assert.Empty(validator.Validate(resource));
        }
    }

    [Fact]
    public void Samples_cover_every_kind_and_the_feature_strategy()
    {
        var root = RepositoryRoot.Combine("config", "samples");
        var kinds = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories)
            .SelectMany(file => JsonYaml.ReadDocuments(File.ReadAllText(file)))
            .Where(r => GeneratedCrds.For(r) is not null)
            .Select(r => r["kind"]!.GetValue<string>())
            .ToHashSet();
        Assert.Equal(GeneratedCrds.Validators.Select(v => v.Kind).ToHashSet(), kinds);

        var mappings = JsonYaml.ReadDocuments(File.ReadAllText(RepositoryRoot.Combine("config", "samples", "feature-strategy", "branchmappings.yaml")));
        Assert.Equal(["main", "staging", "feature/*"], mappings.Select(m => m["spec"]!["branch"]!.GetValue<string>()));
        Assert.NotNull(mappings[2]["spec"]!["environmentTemplate"]);
    }

    [Fact]
    public void The_sample_deployment_has_the_name_oCore_derives()
    {
        var deployment = Assert.Single(JsonYaml.ReadDocuments(File.ReadAllText(RepositoryRoot.Combine("config", "samples", "deployment.yaml"))));
        var spec = deployment["spec"]!;
        var expected = OCore.Api.Naming.ObjectNames.ForDeployment(
            spec["projectRef"]!["name"]!.GetValue<string>(), spec["environmentRef"]!["name"]!.GetValue<string>(), spec["commit"]!.GetValue<string>());
        Assert.Equal(expected, deployment["metadata"]!["name"]!.GetValue<string>());
    }
}
