using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OCore.Cli.Commands;

/// <summary>
/// Calls oCore's public REST API as the kubeconfig's user: for what only the public service can do (it holds the
/// GitHub App's keys). The service passes the token on to Kubernetes, so RBAC decides as for every other command.
/// </summary>
public static class PublicApi
{
    public const string UrlVariable = "OCORE_API_URL";

    public static readonly Option<string?> Url = new("--api-url")
    {
        Description = $"oCore's public URL, e.g. https://ocore.example.com (default: ${UrlVariable}; `ocore dev` prints it)",
    };

    /// <summary>GETs <paramref name="pathAndQuery"/> and returns the JSON answer; failures end the command with a message and exit code.</summary>
    public static async Task<JsonDocument> GetAsync(ParseResult result, Session session, string pathAndQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(session);
        var root = result.GetValue(Url) ?? System.Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(root) || !Uri.TryCreate(root.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            throw new CliException(ExitCodes.Usage, $"pass --api-url https://ocore.example.com or set {UrlVariable}: this command asks oCore's public service");
        if (session.BearerToken is null)
            throw new CliException(ExitCodes.Usage, "the kubeconfig's user has no bearer token, which oCore's API needs (use a token user, e.g. kubectl create token <service-account>)");

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery.TrimStart('/'), UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.BearerToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            throw new CliException(ExitCodes.Failed, $"cannot reach oCore at {baseUrl}: {failure.Message}; check --api-url");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
                return JsonDocument.Parse(body);
            var detail = Detail(body) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new CliException(ExitCodes.Forbidden, detail),
                HttpStatusCode.NotFound => new CliException(ExitCodes.NotFound, $"{detail} (is {baseUrl} oCore's public service?)"),
                HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest => new CliException(ExitCodes.Usage, detail),
                _ => new CliException(ExitCodes.Failed, $"oCore answered {(int)response.StatusCode}: {detail}"),
            };
        }
    }

    private static string? Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
