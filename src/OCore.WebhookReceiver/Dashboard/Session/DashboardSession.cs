namespace OCore.WebhookReceiver.Dashboard.Session;

/// <summary>
/// Who is signed in: the name Kubernetes gave the token, and the token itself (null under <c>ocore dashboard</c>,
/// where the kubeconfig's credentials are used). Lives only inside the encrypted sign-in cookie.
/// </summary>
internal sealed record DashboardSession(string User, string? Token);
