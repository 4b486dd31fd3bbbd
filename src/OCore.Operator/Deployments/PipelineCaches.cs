using k8s.Models;
using OCore.Api.V1Alpha1;
using OCore.Runtime.Informers;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Deployments;

/// <summary>The caches the pipeline reads: its own resources, the deploy-key Secrets, its Jobs and the Odoo workloads.</summary>
public sealed record PipelineCaches(
    ResourceCache<Deployment> Deployments,
    ResourceCache<Project> Projects,
    ResourceCache<Environment> Environments,
    ResourceCache<V1Secret> Secrets,
    ResourceCache<V1Job> Jobs,
    ResourceCache<V1Deployment> Workloads);
