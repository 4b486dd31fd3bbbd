using System.Globalization;
using OCore.Api.V1Alpha1;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>One pipeline step; <see cref="Message"/> is what it did or, on failure, the tail of its log.</summary>
public sealed record StepRow(string Name, string State, string? Started, string? Finished, string? Message, string? Job)
{
    public bool Failed => State == nameof(StepState.Failed);

    public static StepRow From(DeploymentStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(step.Name, step.State.ToString(), Time(step.StartedAt), Time(step.FinishedAt), step.Message, step.JobRef);
    }

    private static string? Time(DateTime? time) => time?.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
