using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>What Swarm knows about a node when it places a task.</summary>
public sealed record NodeFacts(string Hostname, NodeRole Role, IReadOnlyDictionary<string, string> Labels);

/// <summary>How many tasks of a service Swarm runs and leaves pending, and the error the pending ones carry.</summary>
public sealed record TaskExpectation(int Running, int Pending, string? PendingError)
{
    public override string ToString() => $"{Running} running, {Pending} pending" + (PendingError is null ? string.Empty : $" ({PendingError})");
}

/// <summary>
/// What the SDK's schedulability model (<see cref="Scheduling"/>, the model behind IKS0104/IKS0105) predicts for a
/// ONE-node Swarm, with the error text Swarm gives the pending tasks. OneNodePlacementTests also checks the
/// predictions against a hand-written table for the sample, so the model itself is checked here.
/// </summary>
public static class OneNodePlacement
{
    /// <summary>Swarm's error on a task that max_replicas_per_node keeps off the only node.</summary>
    public const string MaxReplicasError = "no suitable node (max replicas per node limit exceed)";

    /// <summary>Swarm's error on a task whose constraints the only node does not satisfy.</summary>
    public const string ConstraintsError = "no suitable node (scheduling constraints not satisfied on 1 node)";

    /// <summary>The expectation for every service of <paramref name="scope"/> (a base, or a base merged with an overlay).</summary>
    public static IReadOnlyDictionary<string, TaskExpectation> Expect(StackScope scope, NodeFacts node) =>
        scope.Services.ToDictionary(s => s.Name, s => Expect(s, node), StringComparer.Ordinal);

    /// <summary>The expectation for <paramref name="service"/> on the single node <paramref name="node"/>.</summary>
    public static TaskExpectation Expect(ServiceSpec service, NodeFacts node)
    {
        var inventory = new StackScope
        {
            Nodes = ValueList.Of(new NodeSpec(node.Hostname)
            {
                Role = node.Role,
                Labels = node.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Aggregate(ValueMap.Empty, (map, l) => map.Set(l.Key, l.Value)),
            }),
        };
        var prediction = Scheduling.Predict(inventory, service);
        var error = prediction.Pending == 0 ? null : prediction.ConstraintsMatchNoNode ? ConstraintsError : MaxReplicasError;
        return new TaskExpectation(prediction.Running, prediction.Pending, error);
    }
}
