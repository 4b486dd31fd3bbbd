using OCore.Api.V1Alpha1;

namespace OCore.Management.Projects;

/// <summary>An action annotation and where the operator records the value it handled.</summary>
public sealed record ProjectAction(string Annotation, Func<Project, string?> Handled);
