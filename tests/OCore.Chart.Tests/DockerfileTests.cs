using OCore.Testing;

namespace OCore.Chart.Tests;

/// <summary>No container engine here: each Dockerfile is checked for its stages, base images and non-root user.</summary>
public sealed class DockerfileTests
{
    [Theory]
    [InlineData("src/OCore.Operator/Dockerfile", "OCore.Operator.dll")]
    [InlineData("src/OCore.WebhookReceiver/Dockerfile", "OCore.WebhookReceiver.dll")]
    [InlineData("src/OCore.Cli/Dockerfile", "ocore.dll")]
    public void Multi_stage_sdk_build_aspnet_runtime_non_root(string path, string entryPoint)
    {
        var lines = File.ReadAllLines(RepositoryRoot.Combine(path)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, stages.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", stages[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));
        Assert.Contains("COPY --from=build /app .", lines);
        var runtime = lines.Skip(lines.IndexOf(stages[1])).ToList();
        Assert.Equal("USER 1654", runtime.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{entryPoint}\"]", runtime[^1]);
    }

    [Fact]
    public void The_operator_image_has_git_and_ssh_for_deploy_keys()
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("src", "OCore.Operator", "Dockerfile"));
        Assert.Contains("apt-get install -y --no-install-recommends git openssh-client", text, StringComparison.Ordinal);
        Assert.Contains("rm -rf /var/lib/apt/lists/*", text, StringComparison.Ordinal);
    }
}
