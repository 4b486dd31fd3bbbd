using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Management;
using OCore.Management.Projects;

namespace OCore.Cli.Commands;

/// <summary>Prints what a person pastes into the Git provider: the deploy key and the webhook, with the operator's instructions.</summary>
public static class ProjectConnection
{
    public static void WriteDeployKey(TextWriter output, Project project)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(project);
        output.WriteLine("Deploy key (read-only):");
        output.WriteLine($"  {project.Status?.DeployKey?.PublicKey}");
        output.WriteLine($"  Fingerprint: {project.Status?.DeployKey?.Fingerprint}");
        WriteInstructions(output, project, ConditionTypes.DeployKeyReady);
    }

    public static async Task WriteWebhookAsync(TextWriter output, Project project, OcoreResources resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(resources);
        var secretName = WebhookSecrets.SecretName(project);
        var secret = await WebhookSecrets.ReadAsync(resources, project, cancellationToken);
        output.WriteLine("Webhook:");
        output.WriteLine($"  URL:    {project.Status?.Webhook?.Url}");
        output.WriteLine(secret is not null
            ? $"  Secret: {secret}"
            : $"  Secret: in Secret {secretName}, key {WebhookSecretFormat.SecretKey} (you may not read Secrets in namespace {resources.Namespace}; ask an administrator for it)");
        WriteInstructions(output, project, ConditionTypes.WebhookReady);
    }

    private static void WriteInstructions(TextWriter output, Project project, string conditionType)
    {
        if (Conditions.Find(project.Status?.Conditions, conditionType) is { Message.Length: > 0 } condition)
            output.WriteLine($"  {condition.Message}");
    }
}
