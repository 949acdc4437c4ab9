using Iklim.StackSdk.Model;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>What Swarm knows about a node when it places a task.</summary>
public sealed record NodeFacts(string Hostname, NodeRole Role, IReadOnlyDictionary<string, string> Labels);

/// <summary>How many tasks of a service Swarm runs and leaves pending, and the error the pending ones carry.</summary>
public sealed record TaskExpectation(int Running, int Pending, string? PendingError)
{
    public override string ToString() => $"{Running} running, {Pending} pending" + (PendingError is null ? string.Empty : $" ({PendingError})");
}

/// <summary>
/// The test's own schedulability rule for a ONE-node Swarm: replicas, max_replicas_per_node and placement
/// constraints against that node. Deliberately isolated in this one class: a later change replaces it by the
/// SDK's rule IKS0104. Resource reservations, ports and volumes drivers are not modelled (the sample sets none
/// that matter on one node).
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
        var fits = service.Constraints.All(c => Matches(c, node));
        if (service.Mode == ServiceMode.Global)
        {
            // A global service has one task per eligible node and no task at all on the others.
            return new TaskExpectation(fits ? 1 : 0, 0, null);
        }

        var replicas = service.Replicas ?? 1;
        if (replicas == 0)
        {
            return new TaskExpectation(0, 0, null);
        }

        if (!fits)
        {
            return new TaskExpectation(0, replicas, ConstraintsError);
        }

        var perNode = service.MaxReplicasPerNode is > 0 ? service.MaxReplicasPerNode.Value : int.MaxValue;
        var running = Math.Min(replicas, perNode);
        return new TaskExpectation(running, replicas - running, running < replicas ? MaxReplicasError : null);
    }

    /// <summary>Whether <paramref name="constraint"/> holds on <paramref name="node"/>, compared as Swarm does (values case-insensitively).</summary>
    public static bool Matches(string constraint, NodeFacts node)
    {
        var (key, equal, value) = Names.ParseConstraint(constraint);
        string? actual;
        if (key == "node.hostname")
        {
            actual = node.Hostname;
        }
        else if (key == "node.role")
        {
            actual = node.Role == NodeRole.Manager ? "manager" : "worker";
        }
        else if (key == "node.platform.os")
        {
            actual = "linux";
        }
        else if (key.StartsWith("node.labels.", StringComparison.Ordinal))
        {
            actual = node.Labels.TryGetValue(key["node.labels.".Length..], out var label) ? label : null;
        }
        else if (key.StartsWith("engine.labels.", StringComparison.Ordinal))
        {
            actual = null;
        }
        else
        {
            throw new NotSupportedException($"The one-node placement rule does not model the constraint key '{key}' ({constraint}).");
        }

        // Swarm: a missing label never satisfies ==, and always satisfies !=.
        var same = actual is not null && string.Equals(actual, value, StringComparison.OrdinalIgnoreCase);
        return equal ? same : !same;
    }
}
