namespace OCore.DevCluster.Faults;

/// <summary>What a fault rule can match on: the HTTP method and path, and the parsed API request.</summary>
/// <param name="Method">HTTP method, e.g. "GET".</param>
/// <param name="Path">Request path, e.g. "/api/v1/namespaces/default/configmaps".</param>
/// <param name="Verb">Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection (or the lower-case method for non-resource paths).</param>
/// <param name="Resource">Plural resource name ("" for non-resource paths).</param>
/// <param name="Namespace">Namespace of the request ("" if none).</param>
/// <param name="Name">Object name ("" for collections).</param>
public sealed record FaultRequest(string Method, string Path, string Verb, string Resource, string Namespace, string Name);
