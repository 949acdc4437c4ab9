using Iklim.StackSdk;

[assembly: StackConventions]

namespace IklimProd.Conventions;

/// <summary>
/// How the iklim.co platform runs a service: on the shared overlay network, labelled with the project, and placed
/// either on the nodes labelled for services or pinned to the node that holds the floating IP.
/// </summary>
public static class PlatformConventions
{
    /// <summary>The external overlay network every service joins.</summary>
    public const string Network = "iklimco-net";

    /// <summary>The node label that marks the nodes running platform services.</summary>
    public const string ServiceNodes = "node.labels.type == service";

    /// <summary>The node that holds the floating IP (SWAG publishes on its host ports).</summary>
    public const string EdgeNode = "iklim-app-01";

    /// <summary>The project label on every service.</summary>
    public const string Project = "co.iklim";

    /// <summary>One replica on the nodes labelled for services, on the platform network.</summary>
    public static IServiceBuilder OnServiceNodes(this IServiceBuilder service) => service
        .Network(Network)
        .Replicas(1)
        .Constraint(ServiceNodes)
        .Label("project", Project);

    /// <summary>A singleton pinned to the edge node, on the platform network: two copies would clash.</summary>
    public static IServiceBuilder OnEdgeNode(this IServiceBuilder service) => service
        .Network(Network)
        .Replicas(1)
        .PinToNode(EdgeNode)
        .Singleton()
        .Label("project", Project);

    /// <summary>One task on each node: a quorum member or a gateway that must survive the loss of a node.</summary>
    public static IServiceBuilder OnePerNode(this IServiceBuilder service, int replicas) => service
        .Replicas(replicas)
        .MaxReplicasPerNode(1);

    /// <summary>
    /// Replicas spread one per node over the nodes labelled for services, on the platform network: copies of a
    /// replicated store that must not share a node.
    /// </summary>
    public static IServiceBuilder SpreadOverServiceNodes(this IServiceBuilder service, int replicas) => service
        .Network(Network)
        .OnePerNode(replicas)
        .Constraint(ServiceNodes)
        .Spread("node.hostname")
        .Label("project", Project);

    /// <summary>Restarted after any exit, five seconds later: the stores that fail over.</summary>
    public static IServiceBuilder RestartAfterAnyExit(this IServiceBuilder service) => service
        .RestartPolicy(RestartCondition.Any, delay: "5s");

    /// <summary>Inventory nodes that run platform services.</summary>
    public static void ServiceNodesNamed(this IStackScope scope, params string[] hostnames)
    {
        foreach (var hostname in hostnames)
        {
            scope.Node(hostname).Label("type", "service");
        }
    }
}
