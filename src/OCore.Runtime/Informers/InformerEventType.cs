namespace OCore.Runtime.Informers;

public enum InformerEventType
{
    Added,
    Updated,
    Deleted,
    Resync,
}
