using OCore.Api.V1Alpha1;
using OCore.GitProviders.Statuses;

namespace OCore.Operator.Reporting;

/// <summary>One commit status to publish for a deployment.</summary>
public sealed record CommitStatusReport(Project Project, string Commit, string Environment, CommitStatusState State, string Description, Uri? TargetUrl);
