using OCore.Api.Serialization;
using OCore.Api.V1Alpha1;

namespace OCore.CrdGen;

/// <summary>The generated CRD files, as file name and content, so the tool and the drift test share one source.</summary>
public static class CrdFiles
{
    public const string RegenerateCommand = "dotnet run --project tools/OCore.CrdGen";

    public static IReadOnlyList<(string FileName, string Content)> Generate() =>
        Kinds.All
            .Select(kind => (CrdBuilder.FileName(kind), Header + JsonYaml.ToYaml(CrdBuilder.Build(kind))))
            .ToList();

    private const string Header = "# Generated from src/OCore.Api by `" + RegenerateCommand + "`; do not edit.\n";
}
