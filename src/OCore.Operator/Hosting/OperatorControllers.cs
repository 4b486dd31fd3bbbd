using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using OCore.Api.V1Alpha1;
using OCore.Operator.Projects;
using OCore.Operator.Writers;
using OCore.Runtime.Controllers;
using OCore.Runtime.Hosting;
using OCore.Runtime.Informers;
using OCore.Runtime.LeaderElection;
using OCore.Runtime.Writing;

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
        var ownedSecrets = manager.AddInformer<V1Secret>(scope with { LabelSelector = $"{Labels.ManagedBy}={Labels.ManagedByValue}" });
        var events = new EventRecorder(kubernetes, "ocore-operator", options.Value.LeaderElection.Identity, loggers.CreateLogger<EventRecorder>(), time);

        var projectReconciler = new ProjectReconciler(projects.Cache, ownedSecrets.Cache, new SecretWriter(kubernetes),
            new CustomResourceWriter<Project>(kubernetes), events, options, time);
        manager.AddController(new Controller("project", projectReconciler, options.Value.Workers, loggers.CreateLogger("Controller.Project"), time)
            .For(projects)
            .Owns(ownedSecrets, "Project"));
        return manager;
    }
}
