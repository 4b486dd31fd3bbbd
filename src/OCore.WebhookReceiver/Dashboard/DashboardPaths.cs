namespace OCore.WebhookReceiver.Dashboard;

/// <summary>The dashboard's URLs, built in one place so pages and redirects agree.</summary>
internal static class DashboardPaths
{
    public const string Root = "/dashboard";

    public const string SignIn = Root + "/sign-in";

    public const string SignOut = Root + "/sign-out";

    public const string Launch = Root + "/launch";

    public const string Organizations = Root + "/orgs";

    public const string Assets = Root + "/assets";

    public static string Organization(string @namespace) => $"{Organizations}/{Escape(@namespace)}";

    public static string Project(string @namespace, string project) => $"{Organization(@namespace)}/projects/{Escape(project)}";

    public static string ProjectAction(string @namespace, string project, string action) => $"{Project(@namespace, project)}/{action}";

    public static string BranchMappings(string @namespace, string project) => $"{Project(@namespace, project)}/branch-mappings";

    public static string Environments(string @namespace, string project) => $"{Project(@namespace, project)}/environments";

    public static string Deployments(string @namespace, string project) => $"{Project(@namespace, project)}/deployments";

    public static string Deployment(string @namespace, string deployment) => $"{Organization(@namespace)}/deployments/{Escape(deployment)}";

    public static string DeploymentEvents(string @namespace, string deployment) => $"{Deployment(@namespace, deployment)}/events";

    public static string GitHubApp(string @namespace) => $"{Organization(@namespace)}/settings/github-app";

    public static string RemoveInstallation(string @namespace, long installationId) => $"{GitHubApp(@namespace)}/installations/{installationId}/remove";

    public static string WithNotice(string path, string notice) => $"{path}?notice={Uri.EscapeDataString(notice)}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
