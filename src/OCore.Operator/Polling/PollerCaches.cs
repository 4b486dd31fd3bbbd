using k8s.Models;
using OCore.Api.V1Alpha1;
using OCore.Runtime.Informers;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Polling;

/// <summary>What the poller reads: projects, their deploy keys, mappings, environments and deployments.</summary>
public sealed record PollerCaches(
    ResourceCache<Project> Projects,
    ResourceCache<V1Secret> Secrets,
    ResourceCache<BranchMapping> Mappings,
    ResourceCache<Environment> Environments,
    ResourceCache<Deployment> Deployments);
