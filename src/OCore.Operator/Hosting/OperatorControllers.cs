using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using OCore.Api.V1Alpha1;
using OCore.Git.Remote;
using OCore.Operator.BranchMappings;
using OCore.Operator.Deployments;
using OCore.Operator.Notifications;
using OCore.Operator.Polling;
using OCore.Operator.Reporting;
using OCore.Operator.Environments;
using OCore.Operator.GitHubApp;
using OCore.Operator.Projects;
using OCore.Operator.Writers;
using OCore.Runtime.Controllers;
using OCore.Runtime.Hosting;
using OCore.Runtime.Informers;
using OCore.Runtime.LeaderElection;
using OCore.Runtime.Writing;
using Deployment = OCore.Api.V1Alpha1.Deployment;
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
        var projects = manager.AddInformer<Project>(scope, (p, pool) => CachedStrings.Share(p.Status, pool));
        var environments = manager.AddInformer<Environment>(scope, (e, pool) =>
        {
            CachedStrings.Share(e.Status, pool);
            CachedStrings.Share(e.Spec?.ProjectRef, pool);
        });
        environments.Cache.AddIndex(Indexes.Project, Indexes.ProjectOf);
        environments.Cache.AddIndex(Indexes.BranchMapping, Indexes.MappingOf);
        var mappings = manager.AddInformer<BranchMapping>(scope, (m, pool) =>
        {
            CachedStrings.Share(m.Status, pool);
            CachedStrings.Share(m.Spec?.ProjectRef, pool);
            CachedStrings.Share(m.Spec?.EnvironmentRef, pool);
        });
        mappings.Cache.AddIndex(Indexes.Project, Indexes.ProjectOf);
        var deployments = manager.AddInformer<Deployment>(scope, (d, pool) =>
        {
            CachedStrings.Share(d.Status, pool);
            CachedStrings.Share(d.Spec?.ProjectRef, pool);
            CachedStrings.Share(d.Spec?.EnvironmentRef, pool);
        });
        deployments.Cache.AddIndex(Indexes.Environment, Indexes.EnvironmentOf);
        deployments.Cache.AddIndex(Indexes.Project, Indexes.ProjectOf);
        deployments.Cache.AddIndex(Indexes.BranchMapping, Indexes.MappingOf);
        var ownedSecrets = manager.AddInformer<V1Secret>(scope with { LabelSelector = $"{Labels.ManagedBy}={Labels.ManagedByValue}" });
        var events = new EventRecorder(kubernetes, "ocore-operator", options.Value.LeaderElection.Identity, loggers.CreateLogger<EventRecorder>(), time);

        var gitHubApp = GitHubAppWiring.AddControllers(services, manager, scope, events);
        var projectReconciler = new ProjectReconciler(projects.Cache, ownedSecrets.Cache, new SecretWriter(kubernetes),
            new CustomResourceWriter<Project>(kubernetes), events, gitHubApp.ProjectStep, options, time);
        manager.AddController(new Controller("project", projectReconciler, options.Value.Workers, loggers.CreateLogger("Controller.Project"), time)
            .For(projects)
            .Owns(ownedSecrets, "Project")
            .Watches(gitHubApp.Installations, installation => projects.Cache.List(installation.Metadata.NamespaceProperty).Select(p => ObjectKey.Of(p))));

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
            // A mapping's status reads its siblings' specs and whether its project exists, never their status: status
            // writes (its own, its siblings', its project's) would only cause reconciles that change nothing.
            .For(mappings, ChangeFilters.NotStatusOnly)
            .Watches(mappings, mapping => MappingsOfProject(mapping.Metadata.NamespaceProperty, mapping.Spec.ProjectRef.Name), ChangeFilters.NotStatusOnly)
            .Watches(projects, project => MappingsOfProject(project.Metadata.NamespaceProperty, project.Metadata.Name), ChangeFilters.Existence)
            .Watches(environments, environment => MappingsOfProject(environment.Metadata.NamespaceProperty, environment.Spec.ProjectRef.Name).Concat(MappingLabel(environment)))
            .Watches(deployments, MappingLabel));

        AddDeploymentController(services, manager, deployments, projects, environments, ownedSecrets, gitHubApp.Installations, scope, events);

        var poller = new RepositoryPoller(new PollerCaches(projects.Cache, ownedSecrets.Cache, mappings.Cache, environments.Cache, deployments.Cache),
            new RemoteRepository(options.Value.GitTimeout), kubernetes, new CustomResourceWriter<Project>(kubernetes), events, time);
        manager.AddController(new Controller("repository", poller, options.Value.Workers, loggers.CreateLogger("Controller.Repository"), time)
            .For(projects)
            .Owns(ownedSecrets, "Project"));
        return manager;
    }

    /// <summary>The pipeline: Deployments, their Jobs and the Odoo workloads they roll out.</summary>
    private static void AddDeploymentController(IServiceProvider services, ControllerManager manager, Informer<Deployment> deployments,
        Informer<Project> projects, Informer<Environment> environments, Informer<V1Secret> ownedSecrets, Informer<GitHubInstallation> installations,
        InformerOptions scope, EventRecorder events)
    {
        var kubernetes = services.GetRequiredService<IKubernetes>();
        var options = services.GetRequiredService<IOptions<OperatorOptions>>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var time = services.GetRequiredService<TimeProvider>();
        var owned = scope with { LabelSelector = $"{Labels.ManagedBy}={Labels.ManagedByValue}" };
        var jobs = manager.AddInformer<V1Job>(owned);
        var workloads = manager.AddInformer<V1Deployment>(owned);
        var caches = new PipelineCaches(deployments.Cache, projects.Cache, environments.Cache, ownedSecrets.Cache, jobs.Cache, workloads.Cache);
        var reconciler = new DeploymentReconciler(caches, new RepositoryInspector(new RemoteRepository(options.Value.GitTimeout)),
            new WorkloadWriter(kubernetes), new PodLogReader(kubernetes), new CustomResourceWriter<Deployment>(kubernetes),
            new DeploymentEvents(events, services.GetRequiredService<NotificationDispatcher>(), services.GetRequiredService<CommitStatusPublisher>(), projects.Cache),
            new CheckRunReporter(services.GetRequiredService<GitHubAppConnection>(), installations.Cache, loggers.CreateLogger<CheckRunReporter>()), options, time);

        // A workload's progress wakes the Deployments still in flight for its environment.
        IEnumerable<ObjectKey> InFlight(V1Deployment workload) =>
            workload.Metadata.Labels?.TryGetValue(Labels.Environment, out var environment) == true
                ? deployments.Cache.ByIndex(Indexes.Environment, Indexes.Key(workload.Metadata.NamespaceProperty, environment))
                    .Where(d => !PipelineSteps.IsTerminal(d.Status?.Phase)).Select(d => ObjectKey.Of(d))
                : [];
        manager.AddController(new Controller("deployment", reconciler, options.Value.Workers, loggers.CreateLogger("Controller.Deployment"), time)
            .For(deployments)
            .Owns(jobs, "Deployment")
            .Watches(workloads, InFlight)
            .Watches(environments, environment => deployments.Cache.ByIndex(Indexes.Environment, Indexes.Key(environment.Metadata.NamespaceProperty, environment.Metadata.Name))
                .Where(d => !PipelineSteps.IsTerminal(d.Status?.Phase)).Select(d => ObjectKey.Of(d))));
    }
}
