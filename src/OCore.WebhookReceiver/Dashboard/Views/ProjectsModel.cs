namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>An organization's projects, and whether the person may connect a new repository.</summary>
public sealed record ProjectsModel(string Namespace, IReadOnlyList<ProjectRow> Projects, bool CanCreate);
