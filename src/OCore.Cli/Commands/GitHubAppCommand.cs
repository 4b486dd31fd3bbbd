using System.CommandLine;
using OCore.Api.V1Alpha1;

namespace OCore.Cli.Commands;

/// <summary><c>ocore github-app</c>: the organization's GitHub App installations (the spec's "Managing the GitHub App").</summary>
public static class GitHubAppCommand
{
    public static Command Create() => new("github-app", "List and remove the organization's GitHub App installations")
    {
        Installations(),
        Remove(),
    };

    private static Command Installations()
    {
        var command = new Command("installations", "List the installations linked to this organization (namespace)");
        CommandAction.Set(command, Roles.ManageOrgSettings, async (result, session, cancellationToken) =>
        {
            var installations = (await session.Resources.ListAsync<GitHubInstallation>(cancellationToken))
                .OrderBy(i => i.Metadata.CreationTimestamp).ThenBy(i => i.Metadata.Name, StringComparer.Ordinal).ToList();
            if (session.Printer.IsMachineReadable)
            {
                session.Printer.WriteList(installations);
                return ExitCodes.Ok;
            }

            if (installations.Count == 0)
            {
                session.Output.WriteLine($"No GitHub App installation is linked to namespace {session.Namespace}: install the App from Organization Settings > GitHub App.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("INSTALLATION", "NAME", "ACCOUNT", "TYPE", "CREATED", "STATE");
            foreach (var installation in installations)
            {
                table.Add(installation.Spec.InstallationId.ToString(System.Globalization.CultureInfo.InvariantCulture), installation.Metadata.Name,
                    installation.Status?.AccountLogin, installation.Status?.AccountType?.ToString().ToLowerInvariant(),
                    installation.Status?.InstalledAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), State(installation));
            }

            table.WriteTo(session.Output);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The soft delete: the record stays, routing skips it; deploy keys and manual webhooks keep working.</summary>
    private static Command Remove()
    {
        var id = new Argument<long>("installation-id") { Description = "GitHub's installation id" };
        var command = new Command("remove", "Unlink an installation (soft delete; uninstall the App on GitHub to remove it there)") { id };
        CommandAction.Set(command, Roles.ManageOrgSettings, async (result, session, cancellationToken) =>
        {
            var installationId = result.GetValue(id);
            var installation = (await session.Resources.ListAsync<GitHubInstallation>(cancellationToken))
                .FirstOrDefault(i => i.Spec.InstallationId == installationId)
                ?? throw new CliException(ExitCodes.NotFound, $"no GitHubInstallation in namespace {session.Namespace} has installation id {installationId}; see: ocore github-app installations -n {session.Namespace}");
            if (installation.Spec.Unlinked != true)
            {
                installation.Spec.Unlinked = true;
                installation = await session.Resources.ReplaceAsync(installation, installation.Metadata.Name, cancellationToken);
            }

            if (session.Printer.IsMachineReadable)
                session.Printer.Write(installation);
            else
                session.Output.WriteLine($"""
                    Installation {installationId} ({installation.Status?.AccountLogin ?? installation.Metadata.Name}) is unlinked: routing skips it; the record stays.
                    Check runs, commit statuses and automatic webhook management stop for its repositories; deploy keys and manual webhooks keep working.
                    To uninstall the App from the GitHub account itself, use the App's settings on GitHub.
                    """);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string State(GitHubInstallation installation) =>
        installation.Spec.Unlinked == true ? "unlinked"
        : installation.Status?.Suspended == true ? "suspended"
        : Conditions.Find(installation.Status?.Conditions, ConditionTypes.Ready) is { } ready
            ? (ready.Status == ConditionStatus.True ? "active" : ready.Reason)
            : "pending";
}
