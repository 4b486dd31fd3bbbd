using System.Text.Json.Nodes;

namespace OCore.GitProviders.Tests.Support;

public static class JsonAssert
{
    /// <summary>Same properties, values and order; escaping (\u2026 or …) does not matter.</summary>
    public static void Equal(string expected, string actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(actual)!.ToJsonString());
}
