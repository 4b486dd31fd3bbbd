namespace OCore.WebhookReceiver.Push;

public enum RefChangeKind
{
    Created,
    Updated,
    Deleted,
}
