using OCore.Api.V1Alpha1;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>One line of a branch strategy: a branch (or glob) and the stage of the environment it deploys to.</summary>
public sealed record PresetMapping(string Branch, Stage Stage, bool PerBranch);
