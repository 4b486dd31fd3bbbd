using System.Text.Json.Nodes;
using OCore.Api.V1Alpha1;
using OCore.CrdGen;

namespace OCore.Api.Tests.Crds;

public sealed class CrdStructureTests
{
    public static TheoryData<string, string, string> Names => new()
    {
        { "Project", "projects", "oproj" },
        { "Environment", "environments", "oenv" },
        { "BranchMapping", "branchmappings", "obm" },
        { "GitHubInstallation", "githubinstallations", "oghi" },
        { "Deployment", "deployments", "odeploy" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_kind_has_names_category_status_and_ready_column(string kind, string plural, string shortName)
    {
        var crd = CrdBuilder.Build(Kinds.All.Single(k => k.Name == kind));
        var names = crd["spec"]!["names"]!;
        Assert.Equal($"{plural}.ocore.io", crd["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(plural, names["plural"]!.GetValue<string>());
        Assert.Equal([shortName], names["shortNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["ocore"], names["categories"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("Namespaced", crd["spec"]!["scope"]!.GetValue<string>());

        var version = crd["spec"]!["versions"]![0]!;
        Assert.NotNull(version["subresources"]!["status"]);
        var status = version["schema"]!["openAPIV3Schema"]!["properties"]!["status"]!["properties"]!.AsObject();
        Assert.True(status.ContainsKey("observedGeneration"));
        Assert.Equal("map", status["conditions"]!["x-kubernetes-list-type"]!.GetValue<string>());
        var columns = version["additionalPrinterColumns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Age", columns);
        if (kind != "Deployment")
            Assert.Contains("Ready", columns);
    }

    [Fact]
    public void Enums_defaults_and_patterns_come_from_the_types()
    {
        var spec = Schema("Environment")["spec"]!["properties"]!;
        Assert.Equal(["production", "staging", "development"], spec["stage"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("development", spec["stage"]!["default"]!.GetValue<string>());
        Assert.Equal(1, spec["odoo"]!["properties"]!["replicas"]!["default"]!.GetValue<int>());
        Assert.Equal(20, spec["odoo"]!["properties"]!["replicas"]!["maximum"]!.GetValue<long>());

        var deployment = Schema("Deployment")["spec"]!;
        Assert.Equal("^[0-9a-f]{40}$", deployment["properties"]!["commit"]!["pattern"]!.GetValue<string>());
        Assert.Equal(["branch", "commit", "environmentRef", "projectRef"], deployment["required"]!.AsArray().Select(v => v!.GetValue<string>()));

        var installation = Schema("GitHubInstallation")["spec"]!["properties"]!["installationId"]!;
        Assert.Equal("int64", installation["format"]!.GetValue<string>());
        Assert.Equal(1, installation["minimum"]!.GetValue<long>());
        Assert.Null(installation["maximum"]);
    }

    private static JsonNode Schema(string kind) =>
        CrdBuilder.Build(Kinds.All.Single(k => k.Name == kind))["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!;
}
