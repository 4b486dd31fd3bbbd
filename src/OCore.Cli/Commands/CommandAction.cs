using System.CommandLine;
using System.Net;
using System.Text.Json;
using k8s.Autorest;
using k8s.Exceptions;
using OCore.Management;
using OCore.Runtime.Informers;

namespace OCore.Cli.Commands;

/// <summary>
/// Runs a cluster command: opens the session, and turns what can go wrong into a message that names the fix and
/// an exit code (<see cref="ExitCodes"/>).
/// </summary>
public static class CommandAction
{
    /// <summary>Sets <paramref name="command"/>'s action; <paramref name="role"/> is the role a 403 asks for.</summary>
    public static void Set(Command command, string role, Func<ParseResult, Session, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction((result, cancellationToken) => RunAsync(result, role, run, cancellationToken));
    }

    private static async Task<int> RunAsync(ParseResult result, string role, Func<ParseResult, Session, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        var error = result.InvocationConfiguration.Error;
        Session? session = null;
        try
        {
            session = Session.Open(result);
            return await run(result, session, cancellationToken);
        }
        catch (CliException failure)
        {
            return Report(error, failure.ExitCode, failure.Message);
        }
        catch (ResourceNotFoundException failure)
        {
            return Report(error, ExitCodes.NotFound, failure.Message);
        }
        catch (InvalidRequestException failure)
        {
            return Report(error, ExitCodes.Usage, failure.Message);
        }
        catch (OperatorTimeoutException failure)
        {
            return Report(error, ExitCodes.Failed, failure.Message);
        }
        catch (HttpOperationException failure)
        {
            return ReportApiError(error, failure.Response.StatusCode, ApiMessage(failure.Response.Content) ?? failure.Message, role, session);
        }
        catch (KubernetesApiException failure)
        {
            return ReportApiError(error, failure.StatusCode, failure.Message, role, session);
        }
        catch (HttpRequestException failure)
        {
            return Report(error, ExitCodes.Failed,
                $"cannot reach the Kubernetes API{(session is null ? "" : " at " + session.Server)}: {failure.Message}; check --kubeconfig and --context");
        }
        catch (KubeConfigException failure)
        {
            return Report(error, ExitCodes.Usage, $"the kubeconfig cannot be used: {failure.Message}; check --kubeconfig and --context");
        }
        finally
        {
            session?.Dispose();
        }
    }

    private static int ReportApiError(TextWriter error, HttpStatusCode status, string message, string role, Session? session)
    {
        var @namespace = session?.Namespace ?? "default";
        return status switch
        {
            HttpStatusCode.Unauthorized => Report(error, ExitCodes.Forbidden,
                $"the cluster rejected your credentials ({message}); log in again or choose another --context"),
            HttpStatusCode.Forbidden => Report(error, ExitCodes.Forbidden,
                $"{message}\nyou need the {role} role in namespace {@namespace}; an administrator can grant it with:\n" +
                $"  kubectl -n {@namespace} create rolebinding <you>-{role} --clusterrole={role} --user=<you>"),
            HttpStatusCode.NotFound => Report(error, ExitCodes.NotFound,
                $"{message} (is oCore installed in this cluster? kubectl get crd projects.ocore.io)"),
            HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest => Report(error, ExitCodes.Usage,
                $"the cluster rejected the request: {message}"),
            _ => Report(error, ExitCodes.Failed, $"the Kubernetes API answered {(int)status} {status}: {message}"),
        };
    }

    private static int Report(TextWriter error, int exitCode, string message)
    {
        error.WriteLine($"error: {message}");
        return exitCode;
    }

    private static string? ApiMessage(string? body)
    {
        if (string.IsNullOrEmpty(body))
            return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("message", out var message) ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
