using System.Text.RegularExpressions;
using OCore.Api.Schema;
using OCore.Operator.Workloads;

namespace OCore.Operator.Tests.Workloads;

public sealed class WorkloadNamesTests
{
    public static TheoryData<string, string> Short => new()
    {
        { "BuildJob", "shop-production-0123456789ab-1a2b3c4d-build" },
        { "UpdateJob", "shop-production-0123456789ab-1a2b3c4d-update" },
        { "BuildContext", "shop-production-0123456789ab-1a2b3c4d-dockerfile" },
        { "Web", "production-odoo" },
        { "Cron", "production-odoo-cron" },
        { "Service", "production-odoo" },
        { "Ingress", "production-odoo" },
        { "Filestore", "production-filestore" },
        { "OdooConfig", "production-odoo-conf" },
    };

    public static TheoryData<string> All => new(Short.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(Short))]
    public void Short_owner_names_get_a_plain_suffix(string kind, string expected) =>
        Assert.Equal(expected, NameOf(kind, WorkloadFixtures.Environment(), WorkloadFixtures.Deployment()));

    [Theory]
    [MemberData(nameof(All))]
    public void Long_and_dotted_owner_names_give_distinct_DNS_labels(string kind)
    {
        var longName = new string('e', 253);
        var names = new[]
        {
            NameOf(kind, WorkloadFixtures.Environment(longName), WorkloadFixtures.Deployment(longName)),
            NameOf(kind, WorkloadFixtures.Environment(longName[..^1] + "f"), WorkloadFixtures.Deployment(longName[..^1] + "f")),
            NameOf(kind, WorkloadFixtures.Environment("prod.acme.example"), WorkloadFixtures.Deployment("prod.acme.example")),
        };

        Assert.All(names, name =>
        {
            Assert.True(name.Length <= 63, $"{name} is {name.Length} characters");
            Assert.Matches(Patterns.Dns1123Label, name);
        });
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Fact]
    public void The_cron_and_web_workloads_never_share_a_name_even_when_shortened()
    {
        var environment = WorkloadFixtures.Environment(new string('e', 63));
        Assert.NotEqual(WorkloadNames.Web(environment), WorkloadNames.Cron(environment));
        Assert.DoesNotMatch(new Regex("^-|-$"), WorkloadNames.Cron(environment));
    }

    private static string NameOf(string kind, OCore.Api.V1Alpha1.Environment environment, OCore.Api.V1Alpha1.Deployment deployment) => kind switch
    {
        "BuildJob" => WorkloadNames.BuildJob(deployment),
        "UpdateJob" => WorkloadNames.UpdateJob(deployment),
        "BuildContext" => WorkloadNames.BuildContext(deployment),
        "Web" => WorkloadNames.Web(environment),
        "Cron" => WorkloadNames.Cron(environment),
        "Service" => WorkloadNames.Service(environment),
        "Ingress" => WorkloadNames.Ingress(environment),
        "Filestore" => WorkloadNames.Filestore(environment),
        "OdooConfig" => WorkloadNames.OdooConfig(environment),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
