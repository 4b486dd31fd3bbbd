namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>The sign-in page: an error from the last try; <see cref="Local"/> under <c>ocore dashboard</c> (no token form).</summary>
public sealed record SignInModel(string? Error, bool Local);
