namespace OCore.Runtime.Informers;

/// <summary>A change the informer saw. <c>Old</c> is set for updates and deletes; resyncs replay every object.</summary>
public sealed record InformerEvent<T>(InformerEventType Type, T Object, T? Old);
