using System.Globalization;
using OCore.Api.V1Alpha1;

namespace OCore.WebhookReceiver.Dashboard.Views;

public sealed record DeploymentRow(string Name, string Environment, string Branch, string Commit, string Phase, string? Created, string? Trigger)
{
    public static DeploymentRow From(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var spec = deployment.Spec;
        return new(deployment.Metadata.Name, spec.EnvironmentRef.Name, spec.Branch, spec.Commit.Length >= 12 ? spec.Commit[..12] : spec.Commit,
            (deployment.Status?.Phase ?? DeploymentPhase.Pending).ToString(),
            deployment.Metadata.CreationTimestamp?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            spec.Trigger is { } trigger ? $"{trigger.Source.ToString().ToLowerInvariant()}{(trigger.Pusher is null ? "" : " by " + trigger.Pusher)}" : null);
    }
}
