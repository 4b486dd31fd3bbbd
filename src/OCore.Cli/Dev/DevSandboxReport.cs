using System.Text;
using OCore.Api.Secrets;
using OCore.Cli.Commands;

namespace OCore.Cli.Dev;

/// <summary>What `ocore dev` prints once the sandbox serves: where everything is, and the next commands to run.</summary>
internal static class DevSandboxReport
{
    public static string Write(DevSandboxOptions options, DevSandbox sandbox)
    {
        const string ns = DevSandbox.SampleNamespace;
        const string project = DevSandbox.SampleProject;
        var repository = sandbox.Repository;
        var text = new StringBuilder();
        text.AppendLine()
            .AppendLine("oCore dev sandbox is running (Ctrl-C stops it).")
            .AppendLine($"  Kubernetes API    {sandbox.ApiUrl}   kubeconfig: {options.KubeconfigPath}")
            .AppendLine($"  Webhook receiver  {sandbox.ReceiverUrl}   (also the REST API: {sandbox.ReceiverUrl}api/openapi/v1.json)")
            .AppendLine($"  Dashboard         {sandbox.ReceiverUrl}dashboard   (sign in with a token: kubectl -n {ns} create token <service-account>;")
            .AppendLine("                    or run `ocore dashboard` to open it with your kubeconfig)")
            .AppendLine($"  Operator          reconciling every namespace{(options.WithSamples ? $"; {sandbox.SamplesCreated} sample objects applied in namespace {ns}" : "")}");
        if (repository is null)
        {
            text.AppendLine($"  Git server        not running: {sandbox.GitServerProblem}")
                .AppendLine("                    Deployments stop at Prepare until the repository can be read over SSH.");
        }
        else
        {
            text.AppendLine($"  Git server        {repository.Url}   (branches main and staging; sshd on 127.0.0.1, read-only)")
                .AppendLine($"  Working clone     {repository.WorkingClone}   (commit and git push here: it updates the served repository)")
                .AppendLine($"                    {(options.DataDirectory is null ? "removed when the sandbox stops; --data-dir keeps it" : $"kept, with the served repository in {options.DataDirectory}")}");
        }

        if (options.WithSamples)
        {
            text.AppendLine()
                .AppendLine($"Sample project {project} (namespace {ns}):")
                .AppendLine($"  Webhook URL       {sandbox.SampleWebhookUrl ?? "(not yet: kubectl -n acme describe project odoo-custom says why)"}")
                .AppendLine($"  Webhook secret    Secret {WebhookSecretFormat.NameFor(project)}, key {WebhookSecretFormat.SecretKey}: " +
                            $"kubectl -n {ns} get secret {WebhookSecretFormat.NameFor(project)} -o jsonpath='{{.data.{WebhookSecretFormat.SecretKey}}}' | base64 -d")
                .AppendLine($"  Repository        {(repository is null ? "git@github.com:acme/odoo-custom.git, out of reach here"
                    : sandbox.SampleProblem ?? "readable with the deploy key (the sandbox added it to its git server and pinned the host key)")}");
        }

        text.AppendLine()
            .AppendLine("Next, in another terminal at the root of the oCore checkout (kubectl: bash scripts/install-tools.sh):")
            .AppendLine($"  export KUBECONFIG={options.KubeconfigPath} PATH=$PWD/.tools/bin:$PATH")
            .AppendLine("  ocore() { dotnet run --project src/OCore.Cli -- \"$@\"; }")
            .AppendLine($"  export {PublicApi.UrlVariable}={sandbox.ReceiverUrl.ToString().TrimEnd('/')}   # the REST API, ocore github-app show");
        if (!options.WithSamples)
            text.AppendLine("  kubectl apply -k config/samples/feature-strategy");
        text.AppendLine($"  kubectl get ocore -n {ns}");
        if (repository is not null && options.WithSamples)
        {
            var clone = Quote(repository.WorkingClone);
            text.AppendLine($"  echo \"# $(date -u)\" >> {clone}/acme_sale/models/sale_order.py")
                .AppendLine($"  git -C {clone} commit -qam \"Touch acme_sale\" && git -C {clone} push -q")
                .AppendLine($"  deployment=$(bash scripts/send-push.sh -n {ns} -C {clone} {project} main)   # the signed GitHub push webhook")
                .AppendLine($"  ocore deploy watch \"$deployment\" -n {ns}")
                .AppendLine($"  kubectl get odeploy -n {ns}");
        }

        if (repository is not null)
        {
            text.AppendLine()
                .AppendLine("A Project of your own on the sandbox's repository (the sandbox adds the deploy key and pins the host key of every")
                .AppendLine($"Project whose URL points at 127.0.0.1:{repository.Port}):")
                .AppendLine($"  ocore project connect-repo erp --url {repository.Url} --provider github -n {ns}")
                .AppendLine($"  ocore project branch-mappings erp -n {ns}   # then map branches to Environments of erp (README, Quickstart)");
        }

        return text.ToString();
    }

    /// <summary>Paths go into shell commands a person pastes; quote them when they need it.</summary>
    private static string Quote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-') ? path : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
