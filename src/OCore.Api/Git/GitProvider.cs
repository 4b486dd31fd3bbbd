using System.Text.Json.Serialization;

namespace OCore.Api.Git;

/// <summary>The Git hosting services oCore integrates with.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GitProvider>))]
public enum GitProvider
{
    [JsonStringEnumMemberName("github")]
    GitHub,

    [JsonStringEnumMemberName("gitlab")]
    GitLab,

    [JsonStringEnumMemberName("bitbucket")]
    Bitbucket,
}
