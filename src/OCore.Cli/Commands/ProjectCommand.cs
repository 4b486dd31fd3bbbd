using System.CommandLine;

namespace OCore.Cli.Commands;

/// <summary><c>ocore project</c>: connecting repositories and routing their branches.</summary>
public static class ProjectCommand
{
    public static Command Create() => new("project", "Connect repositories and map their branches to environments")
    {
        ConnectRepoCommand.Create(),
        BranchMappingCommands.MapBranch(),
        BranchMappingCommands.List(),
        ProjectRotationCommands.ReconfigureWebhook(),
        ProjectRotationCommands.RegenerateKey(),
    };
}
