using OCore.Testing;
using OCore.CrdGen;

namespace OCore.Api.Tests.Crds;

public sealed class CrdDriftTests
{
    [Fact]
    public void Committed_crds_match_the_csharp_types()
    {
        var folder = RepositoryRoot.Combine("config", "crds");
        var generated = CrdFiles.Generate();
        foreach (var (fileName, content) in generated)
        {
            var path = Path.Combine(folder, fileName);
            Assert.True(File.Exists(path), $"config/crds/{fileName} is missing; run `{CrdFiles.RegenerateCommand}`");
            Assert.True(content == File.ReadAllText(path),
                $"config/crds/{fileName} differs from the C# types; run `{CrdFiles.RegenerateCommand}` and commit the result");
        }

        var committed = Directory.GetFiles(folder, "*.ocore.io.yaml").Select(f => Path.GetFileName(f)!).Order().ToList();
        Assert.Equal(generated.Select(g => g.FileName).Order().ToList(), committed);
    }
}
