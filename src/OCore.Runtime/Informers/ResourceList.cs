namespace OCore.Runtime.Informers;

public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion);
