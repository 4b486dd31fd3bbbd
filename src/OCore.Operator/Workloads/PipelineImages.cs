namespace OCore.Operator.Workloads;

/// <summary>Images the pipeline's Jobs run, from the operator's options.</summary>
public sealed record PipelineImages(
    string Git = "alpine/git:2.47.2",
    string Builder = "gcr.io/kaniko-project/executor:v1.23.2-debug",
    string DefaultOdooRepository = "odoo");
