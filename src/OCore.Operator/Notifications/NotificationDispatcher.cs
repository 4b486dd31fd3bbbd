using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using k8s;
using OCore.Api.V1Alpha1;

namespace OCore.Operator.Notifications;

/// <summary>
/// Sends deployment notifications to the Project's sinks in the background, retried with backoff, so a slow or
/// broken sink never holds up a pipeline. Webhook sinks get JSON signed with HMAC-SHA256 in
/// <c>X-OCore-Signature-256</c>; Slack sinks get a message. Sink URLs and keys are read from Secrets at send time.
/// </summary>
public sealed class NotificationDispatcher(IKubernetes kubernetes, HttpClient http, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    public const string SignatureHeader = "X-OCore-Signature-256";
    private const int Attempts = 5;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<NotificationDelivery> _queue = Channel.CreateBounded<NotificationDelivery>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Queues the notification for every sink of the project that wants this event; never waits.</summary>
    public void Enqueue(Project project, DeploymentEventType eventType, DeploymentNotification notification)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var sink in project.Spec.Notifications ?? [])
        {
            if (sink.Events is null or { Count: 0 } || sink.Events.Contains(eventType))
                _queue.Writer.TryWrite(new NotificationDelivery(project.Metadata.NamespaceProperty, sink, notification));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            // Each delivery retries on its own, so one dead sink does not delay the others.
            _ = Task.Run(() => DeliverAsync(delivery, stoppingToken), CancellationToken.None);
        }
    }

    private async Task DeliverAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts && !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await SendAsync(delivery, cancellationToken);
                return;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or k8s.Autorest.HttpOperationException or InvalidOperationException
                                          && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Notification {Event} for {Deployment} to a {Sink} sink failed (attempt {Attempt} of {Attempts}): {Message}",
                    delivery.Notification.Event, delivery.Notification.Deployment, delivery.Sink.Type, attempt, Attempts, error.Message);
                if (attempt < Attempts)
                    await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var url = await ReadSecretAsync(delivery.Namespace, delivery.Sink.UrlSecretRef, cancellationToken);
        var body = delivery.Sink.Type == NotificationSinkType.Slack
            ? JsonSerializer.SerializeToUtf8Bytes(new { text = SlackText(delivery.Notification) }, Json)
            : JsonSerializer.SerializeToUtf8Bytes(delivery.Notification, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url.Trim())) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (delivery.Sink.SigningSecretRef is { } signing)
        {
            var key = Encoding.UTF8.GetBytes(await ReadSecretAsync(delivery.Namespace, signing, cancellationToken));
            request.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body)));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the sink answered {(int)response.StatusCode}");
    }

    private async Task<string> ReadSecretAsync(string @namespace, SecretKeyReference reference, CancellationToken cancellationToken)
    {
        var secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(reference.Name, @namespace, cancellationToken: cancellationToken);
        return secret.Data?.TryGetValue(reference.Key, out var value) == true
            ? Encoding.UTF8.GetString(value)
            : throw new InvalidOperationException($"Secret {reference.Name} has no key {reference.Key}");
    }

    private static string SlackText(DeploymentNotification n)
    {
        var icon = n.Event switch { "succeeded" => ":white_check_mark:", "failed" => ":x:", _ => ":rocket:" };
        return $"{icon} {n.Project} → {n.Environment}: deployment of `{n.Branch}` @ `{n.Commit[..Math.Min(12, n.Commit.Length)]}` {n.Event}. {n.Message}"
               + (n.Url is null ? "" : $" <{n.Url}|open>");
    }
}
