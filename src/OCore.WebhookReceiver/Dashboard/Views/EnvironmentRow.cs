using OCore.Api.V1Alpha1;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.WebhookReceiver.Dashboard.Views;

public sealed record EnvironmentRow(string Name, string Stage, string? Branch, string? Commit, string? Image, string? Url, string? LastDeployment, bool Ready, string? Message)
{
    public static EnvironmentRow From(Environment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var status = environment.Status;
        var ready = Conditions.Find(status?.Conditions, ConditionTypes.Ready);
        return new(environment.Metadata.Name, (environment.Spec.Stage ?? OCore.Api.V1Alpha1.Stage.Development).ToString().ToLowerInvariant(), status?.Branch,
            status?.Commit is { Length: >= 12 } commit ? commit[..12] : status?.Commit, status?.Image, status?.Url, status?.LastDeployment,
            ready?.Status == ConditionStatus.True, ready?.Message is { Length: > 0 } message ? message : null);
    }
}
