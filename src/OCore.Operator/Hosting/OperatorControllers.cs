using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using OCore.Api.V1Alpha1;
using OCore.Operator.BranchMappings;
using OCore.Operator.Environments;
using OCore.Operator.Projects;
using OCore.Operator.Writers;
using OCore.Runtime.Controllers;
using OCore.Runtime.Hosting;
using OCore.Runtime.Informers;
using OCore.Runtime.LeaderElection;
using OCore.Runtime.Writing;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Hosting;

/// <summary>Which informers and controllers the operator runs, and how they are wired: one controller per kind.</summary>
public static class OperatorControllers
{
    public static ControllerManager CreateManager(IServiceProvider services)
    {
        var kubernetes = services.GetRequiredService<IKubernetes>();
        var options = services.GetRequiredService<IOptions<OperatorOptions>>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var time = services.GetRequiredService<TimeProvider>();
        var manager = new ControllerManager(kubernetes, services.GetRequiredService<LeaderElectionOptions>(),
            services.GetRequiredService<IHostApplicationLifetime>(), loggers);

        var scope = new InformerOptions { Namespace = string.IsNullOrEmpty(options.Value.WatchNamespace) ? null : options.Value.WatchNamespace };
        var projects = manager.AddInformer<Project>(scope);
        var environments = manager.AddInformer<Environment>(scope);
        environments.Cache.AddIndex(Indexes.Project, Indexes.ProjectOf);
        environments.Cache.AddIndex(Indexes.BranchMapping, Indexes.MappingOf);
        var mappings = manager.AddInformer<BranchMapping>(scope);
        mappings.Cache.AddIndex(Indexes.Project, Indexes.ProjectOf);
        var deployments = manager.AddInformer<Deployment>(scope);
        deployments.Cache.AddIndex(Indexes.Environment, Indexes.EnvironmentOf);
        deployments.Cache.AddIndex(Indexes.Project, Indexes.ProjectOf);
        deployments.Cache.AddIndex(Indexes.BranchMapping, Indexes.MappingOf);
        var ownedSecrets = manager.AddInformer<V1Secret>(scope with { LabelSelector = $"{Labels.ManagedBy}={Labels.ManagedByValue}" });
        var events = new EventRecorder(kubernetes, "ocore-operator", options.Value.LeaderElection.Identity, loggers.CreateLogger<EventRecorder>(), time);

        var projectReconciler = new ProjectReconciler(projects.Cache, ownedSecrets.Cache, new SecretWriter(kubernetes),
            new CustomResourceWriter<Project>(kubernetes), events, options, time);
        manager.AddController(new Controller("project", projectReconciler, options.Value.Workers, loggers.CreateLogger("Controller.Project"), time)
            .For(projects)
            .Owns(ownedSecrets, "Project"));

        var environmentReconciler = new EnvironmentReconciler(environments.Cache, projects.Cache, deployments.Cache,
            new CustomResourceWriter<Environment>(kubernetes), time);
        manager.AddController(new Controller("environment", environmentReconciler, options.Value.Workers, loggers.CreateLogger("Controller.Environment"), time)
            .For(environments)
            .Watches(projects, project => environments.Cache.ByIndex(Indexes.Project, Indexes.Key(project.Metadata.NamespaceProperty, project.Metadata.Name)).Select(e => ObjectKey.Of(e)))
            .Watches(deployments, deployment => [new ObjectKey(deployment.Metadata.NamespaceProperty, deployment.Spec.EnvironmentRef.Name)]));

        var mappingReconciler = new BranchMappingReconciler(mappings.Cache, projects.Cache, environments.Cache, deployments.Cache, kubernetes,
            new CustomResourceWriter<BranchMapping>(kubernetes), events, options, time);
        IEnumerable<ObjectKey> MappingsOfProject(string? ns, string project) =>
            mappings.Cache.ByIndex(Indexes.Project, Indexes.Key(ns, project)).Select(m => ObjectKey.Of(m));
        IEnumerable<ObjectKey> MappingLabel(IKubernetesObject<V1ObjectMeta> obj) =>
            obj.Metadata.Labels?.TryGetValue(Labels.BranchMapping, out var name) == true ? [new ObjectKey(obj.Metadata.NamespaceProperty, name)] : [];
        manager.AddController(new Controller("branchmapping", mappingReconciler, options.Value.Workers, loggers.CreateLogger("Controller.BranchMapping"), time)
            .For(mappings)
            .Watches(mappings, mapping => MappingsOfProject(mapping.Metadata.NamespaceProperty, mapping.Spec.ProjectRef.Name))
            .Watches(projects, project => MappingsOfProject(project.Metadata.NamespaceProperty, project.Metadata.Name))
            .Watches(environments, environment => MappingsOfProject(environment.Metadata.NamespaceProperty, environment.Spec.ProjectRef.Name).Concat(MappingLabel(environment)))
            .Watches(deployments, MappingLabel));
        return manager;
    }
}
