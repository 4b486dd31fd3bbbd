using System.CommandLine;
using System.Text.Json;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.GitHubApp;

namespace OCore.Cli.Commands;

/// <summary><c>ocore github-app</c>: the organization's GitHub App installations (the spec's "Managing the GitHub App").</summary>
public static class GitHubAppCommand
{
    private static readonly (string Label, string Key)[] SettingRows =
    [
        ("Organization", "organization"), ("Configured", "configured"), ("App ID", "app_id"), ("App", "app_url"),
        ("Install link", "install_url"), ("Link valid until", "install_url_expires_at"), ("Setup URL", "setup_url"),
        ("Webhook URL", "webhook_url"), ("Active installations", "active_installations"),
    ];

    public static Command Create() => new("github-app", "The organization's GitHub App: configuration, install link, installations")
    {
        Show(),
        InstallUrl(),
        Installations(),
        Remove(),
    };

    /// <summary>The App's configuration as the public service holds it (it alone has the App Secret).</summary>
    private static Command Show()
    {
        var command = new Command("show", "Show the GitHub App configuration and a signed install link for this organization") { PublicApi.Url };
        CommandAction.Set(command, Roles.ManageOrgSettings, async (result, session, cancellationToken) =>
        {
            using var settings = await PublicApi.GetAsync(result, session, SettingsPath(session), cancellationToken);
            if (session.Printer.IsMachineReadable)
            {
                session.Printer.Write(settings.RootElement);
                return ExitCodes.Ok;
            }

            var root = settings.RootElement;
            var table = new TextTable("SETTING", "VALUE");
            foreach (var (label, key) in SettingRows)
                table.Add(label, root.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "-");
            table.WriteTo(session.Output);
            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                session.Output.WriteLine($"\n{message.GetString()}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Only the link, for scripts and for "Install on Another Account": open it in a browser.</summary>
    private static Command InstallUrl()
    {
        var command = new Command("install-url", "Print a signed link that installs the GitHub App on a GitHub account and links it here") { PublicApi.Url };
        CommandAction.Set(command, Roles.ManageOrgSettings, async (result, session, cancellationToken) =>
        {
            using var settings = await PublicApi.GetAsync(result, session, SettingsPath(session), cancellationToken);
            if (!settings.RootElement.TryGetProperty("install_url", out var url) || url.ValueKind != JsonValueKind.String)
            {
                var why = settings.RootElement.TryGetProperty("message", out var message) ? message.GetString() : "the GitHub App is not configured";
                throw new CliException(ExitCodes.Failed, $"no install link: {why}");
            }

            session.Output.WriteLine(url.GetString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string SettingsPath(Session session) => $"api/settings/github-app?organization={Uri.EscapeDataString(session.Namespace)}";

    private static Command Installations()
    {
        var command = new Command("installations", "List the installations linked to this organization (namespace)");
        CommandAction.Set(command, Roles.ManageOrgSettings, async (result, session, cancellationToken) =>
        {
            var installations = await GitHubInstallations.ListAsync(session.Resources, cancellationToken);
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
                    installation.Status?.InstalledAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), GitHubInstallations.State(installation));
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
            GitHubInstallation installation;
            try
            {
                installation = await GitHubInstallations.UnlinkAsync(session.Resources, installationId, cancellationToken);
            }
            catch (ResourceNotFoundException missing)
            {
                throw new CliException(ExitCodes.NotFound, $"{missing.Message}; see: ocore github-app installations -n {session.Namespace}");
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
}
