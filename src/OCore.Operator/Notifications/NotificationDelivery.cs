using OCore.Api.V1Alpha1;

namespace OCore.Operator.Notifications;

/// <summary>One notification on its way to one sink.</summary>
public sealed record NotificationDelivery(string Namespace, NotificationSink Sink, DeploymentNotification Notification);
