using System.Text.Json.Nodes;
using OCore.GitProviders.Text;

namespace OCore.GitProviders.GitHubApp;

/// <summary>GitHub's JSON names for the public types, and request bodies shared by the App and token clients.</summary>
internal static class GitHubWire
{
    /// <summary>Appended to check run output that had to be cut.</summary>
    public const string TruncatedNote = "\n\n… (truncated)";

    public static string Name(CheckRunStatus status) => status switch
    {
        CheckRunStatus.Queued => "queued",
        CheckRunStatus.InProgress => "in_progress",
        CheckRunStatus.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Name(CheckRunConclusion conclusion) => conclusion switch
    {
        CheckRunConclusion.Success => "success",
        CheckRunConclusion.Failure => "failure",
        CheckRunConclusion.Neutral => "neutral",
        CheckRunConclusion.Cancelled => "cancelled",
        CheckRunConclusion.Skipped => "skipped",
        CheckRunConclusion.TimedOut => "timed_out",
        CheckRunConclusion.ActionRequired => "action_required",
        _ => throw new ArgumentOutOfRangeException(nameof(conclusion), conclusion, null),
    };

    public static string Name(GitHubCommitState state) => state switch
    {
        GitHubCommitState.Pending => "pending",
        GitHubCommitState.Success => "success",
        GitHubCommitState.Failure => "failure",
        GitHubCommitState.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static JsonObject CommitStatusBody(NewCommitStatus status)
    {
        ArgumentException.ThrowIfNullOrEmpty(status.Context);
        var body = new JsonObject { ["state"] = Name(status.State) };
        if (status.TargetUrl is not null)
            body["target_url"] = status.TargetUrl.AbsoluteUri;
        if (status.Description is not null)
            body["description"] = TextLimits.Truncate(status.Description, TextLimits.GitHubStatusDescription);
        body["context"] = status.Context;
        return body;
    }

    public static JsonObject CheckRunBody(NewCheckRun run)
    {
        ArgumentException.ThrowIfNullOrEmpty(run.Name);
        ArgumentException.ThrowIfNullOrEmpty(run.HeadSha);
        if (run.Status == CheckRunStatus.Completed && run.Conclusion is null)
            throw new ArgumentException("a completed check run needs a conclusion", nameof(run));

        var body = new JsonObject { ["name"] = run.Name, ["head_sha"] = run.HeadSha, ["status"] = Name(run.Status) };
        AddCommon(body, run.Conclusion, run.DetailsUrl, run.ExternalId, run.StartedAt, run.CompletedAt, run.Output);
        return body;
    }

    public static JsonObject CheckRunBody(CheckRunUpdate update)
    {
        if (update.Status == CheckRunStatus.Completed && update.Conclusion is null)
            throw new ArgumentException("a completed check run needs a conclusion", nameof(update));

        var body = new JsonObject();
        if (update.Name is not null)
            body["name"] = update.Name;
        if (update.Status is { } status)
            body["status"] = Name(status);
        AddCommon(body, update.Conclusion, update.DetailsUrl, update.ExternalId, update.StartedAt, update.CompletedAt, update.Output);
        return body;
    }

    private static void AddCommon(JsonObject body, CheckRunConclusion? conclusion, Uri? detailsUrl, string? externalId,
        DateTimeOffset? startedAt, DateTimeOffset? completedAt, CheckRunOutput? output)
    {
        if (conclusion is { } c)
            body["conclusion"] = Name(c);
        if (detailsUrl is not null)
            body["details_url"] = detailsUrl.AbsoluteUri;
        if (externalId is not null)
            body["external_id"] = externalId;
        if (startedAt is { } started)
            body["started_at"] = Timestamp(started);
        if (completedAt is { } completed)
            body["completed_at"] = Timestamp(completed);
        if (output is not null)
        {
            var json = new JsonObject
            {
                ["title"] = output.Title,
                ["summary"] = TextLimits.Truncate(output.Summary, TextLimits.CheckRunOutputText, TruncatedNote),
            };
            if (output.Text is not null)
                json["text"] = TextLimits.Truncate(output.Text, TextLimits.CheckRunOutputText, TruncatedNote);
            body["output"] = json;
        }
    }

    /// <summary>ISO 8601 in UTC, as GitHub's docs write it (<c>YYYY-MM-DDTHH:MM:SSZ</c>).</summary>
    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
