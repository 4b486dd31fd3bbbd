using System.Text.Json;
using OCore.Api.Git;

namespace OCore.Api.Tests.Git;

public sealed class GitProviderNamesTests
{
    [Theory]
    [InlineData(GitProvider.GitHub)]
    [InlineData(GitProvider.GitLab)]
    [InlineData(GitProvider.Bitbucket)]
    public void A_name_is_the_resources_json_name_and_reads_back(GitProvider provider)
    {
        Assert.Equal(JsonSerializer.Serialize(provider), $"\"{GitProviderNames.Of(provider)}\"");
        Assert.True(GitProviderNames.TryParse(GitProviderNames.Of(provider), out var read));
        Assert.Equal(provider, read);
    }

    [Theory]
    [InlineData("GitHub")]
    [InlineData("svn")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_provider(string? name) => Assert.False(GitProviderNames.TryParse(name, out _));
}
