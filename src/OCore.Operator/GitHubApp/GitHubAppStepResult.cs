using OCore.Api.V1Alpha1;

namespace OCore.Operator.GitHubApp;

/// <summary>The Project as it now is (a finalizer may have been added) and when to look again, if sooner than usual.</summary>
public sealed record GitHubAppStepResult(Project Project, TimeSpan? RequeueAfter);
