using System;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>How many of a service's tasks Swarm can place on an inventory, and how many stay pending.</summary>
public sealed record TaskPrediction(int Running, int Pending, bool ConstraintsMatchNoNode);

/// <summary>
/// How many tasks of a service one node runs after a deploy: exactly <see cref="Min"/> when it equals <see cref="Max"/>,
/// else either (Swarm spreads the tasks evenly but does not say which nodes get the extra one).
/// </summary>
public sealed record NodeTasks(string Node, int Min, int Max);

/// <summary>
/// The schedulability model behind IKS0104 and IKS0105, public so that tools (and the real-Swarm tests) ask the same
/// question the rules do: given the scope's node inventory, how many tasks of a service run. Only replicas,
/// <c>max_replicas_per_node</c> and the constraints an inventory can judge are modelled; resources are not.
/// </summary>
public static class Scheduling
{
    /// <summary>The prediction for <paramref name="service"/> on the nodes of <paramref name="scope"/>.</summary>
    public static TaskPrediction Predict(StackScope scope, ServiceSpec service)
    {
        var eligible = Placement.EligibleCount(scope.Nodes, service);
        if (ComposeWords.IsGlobal(service.Mode))
        {
            // One task per eligible node; ineligible nodes simply get none.
            return new TaskPrediction(eligible, 0, eligible == 0);
        }

        var replicas = service.Replicas ?? 1;
        if (replicas == 0)
        {
            return new TaskPrediction(0, 0, false);
        }

        if (eligible == 0)
        {
            return new TaskPrediction(0, replicas, true);
        }

        var slots = service.MaxReplicasPerNode is { } max ? (long)eligible * max : long.MaxValue;
        var running = (int)Math.Min(replicas, slots);
        return new TaskPrediction(running, replicas - running, false);
    }

    /// <summary>
    /// The running tasks of <paramref name="service"/> per eligible node of <paramref name="scope"/> right after a deploy.
    /// Swarm's scheduler places each task on the eligible node with the fewest tasks of the same service, so the
    /// running tasks spread evenly: every node holds the floor or the ceiling of running / eligible.
    /// </summary>
    public static NodeTasks[] PerNode(StackScope scope, ServiceSpec service)
    {
        var eligible = Placement.Eligible(scope.Nodes, service);
        if (eligible.Count == 0)
        {
            return Array.Empty<NodeTasks>();
        }

        var running = Predict(scope, service).Running;
        var low = running / eligible.Count;
        var high = running % eligible.Count == 0 ? low : low + 1;
        return eligible.Select(n => new NodeTasks(n.Hostname, low, high)).ToArray();
    }

    /// <summary>The hostnames of the nodes of <paramref name="scope"/> that <paramref name="service"/>'s constraints allow.</summary>
    public static string[] EligibleNodes(StackScope scope, ServiceSpec service) =>
        Placement.Eligible(scope.Nodes, service).Select(n => n.Hostname).ToArray();
}
