using System.Text.Json.Nodes;
using OCore.Api.Serialization;

namespace OCore.Api.Tests.Serialization;

public sealed class JsonYamlTests
{
    [Fact]
    public void Strings_that_look_typed_survive_a_round_trip()
    {
        var original = new JsonObject
        {
            ["version"] = "18.0",
            ["flag"] = "true",
            ["no"] = "no",
            ["null"] = "null",
            ["empty"] = "",
            ["number"] = 18,
            ["real"] = 1.5,
            ["bool"] = false,
            ["pattern"] = "^[a-z]+$",
            ["multiline"] = "a\nb\n",
            ["commit"] = "1234567",
            ["list"] = new JsonArray("a", 1, null),
            ["nothing"] = null,
        };

        var yaml = JsonYaml.ToYaml(original);
        var back = Assert.Single(JsonYaml.ReadDocuments(yaml));
        Assert.True(JsonNode.DeepEquals(original, back), yaml);
    }

    [Fact]
    public void Reads_multi_document_streams_and_skips_empty_documents()
    {
        var documents = JsonYaml.ReadDocuments("---\na: 1\n---\n# only a comment\n---\nb: [x, 'y']\n");
        Assert.Equal(2, documents.Count);
        Assert.Equal(1, documents[0]["a"]!.GetValue<long>());
        Assert.Equal("y", documents[1]["b"]![1]!.GetValue<string>());
    }
}
