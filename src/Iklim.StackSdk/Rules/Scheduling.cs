using System;
using System.Linq;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Rules;

/// <summary>How many of a service's tasks Swarm can place on an inventory, and how many stay pending.</summary>
public sealed record TaskPrediction(int Running, int Pending, bool ConstraintsMatchNoNode);

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
        var eligible = Placement.Eligible(scope.Nodes, service).Count;
        if (service.Mode == ServiceMode.Global)
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

    /// <summary>The hostnames of the nodes of <paramref name="scope"/> that <paramref name="service"/>'s constraints allow.</summary>
    public static string[] EligibleNodes(StackScope scope, ServiceSpec service) =>
        Placement.Eligible(scope.Nodes, service).Select(n => n.Hostname).ToArray();
}
