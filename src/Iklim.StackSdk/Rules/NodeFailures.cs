using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// One service after one node is lost: the tasks that run once Swarm has done what it can (a range when it cannot
/// reschedule and the deploy did not say which node held the task), the tasks it wants, and what the loss does to it.
/// </summary>
/// <param name="Service">The service name.</param>
/// <param name="RunningMin">The fewest tasks that run after the loss.</param>
/// <param name="RunningMax">The most tasks that run after the loss.</param>
/// <param name="Wanted">The tasks the service wants: its replicas, or a global service's eligible nodes before the loss.</param>
/// <param name="LostWithNode">True when the lost node was the only one the service may run on (a pinned service): it is down until the node returns.</param>
/// <param name="Cluster">The kind of quorum cluster (<c>Raft</c>, <c>RabbitMQ</c>, <c>Redis Sentinel</c>, ...), or null.</param>
/// <param name="MembersLeftMin">The fewest tasks that survive the loss itself, before any reschedule: for a quorum cluster its members left (a replacement Swarm starts elsewhere is a new, empty member).</param>
/// <param name="MembersLeftMax">The most tasks that survive the loss itself.</param>
public sealed record ServiceAfterFailure(string Service, int RunningMin, int RunningMax, int Wanted, bool LostWithNode, string? Cluster, int MembersLeftMin, int MembersLeftMax)
{
    /// <summary>
    /// For a quorum cluster of two or more members: whether the surviving members are still a majority of
    /// <see cref="Wanted"/> in the worst case; null for any other service (one member decides alone).
    /// </summary>
    public bool? MajorityKept => Cluster is null || Wanted < 2 ? null : MembersLeftMin * 2 > Wanted;
}

/// <summary>What the loss of one node does to a stack.</summary>
/// <param name="Node">The lost node.</param>
/// <param name="Reschedules">
/// False when the node takes the managers' Raft majority with it (the only manager, or one of two): no manager
/// leads, so Swarm places nothing until it returns and every service keeps only the tasks it had elsewhere.
/// </param>
/// <param name="Services">Every service of the scope, in declaration order.</param>
public sealed record NodeFailure(string Node, bool Reschedules, IReadOnlyList<ServiceAfterFailure> Services);

/// <summary>
/// The failure model: for each node of a scope's inventory, what its loss (daemon down, host gone, or
/// <c>docker node update --availability drain</c>) does to every service. Built on <see cref="Scheduling"/>:
/// the tasks on the lost node come from the even spread of a deploy, and where Swarm reschedules, the survivors are
/// the scheduling prediction on the inventory without the node. Only replicas, <c>max_replicas_per_node</c> and
/// constraints are modelled (no resources), as in <see cref="Scheduling"/>. Swarm does not move tasks back when a
/// node returns, so the model holds for a freshly deployed (or re-balanced) stack.
/// </summary>
public static class NodeFailures
{
    /// <summary>One prediction per node of <paramref name="scope"/>'s inventory, in inventory order; empty without an inventory.</summary>
    public static IReadOnlyList<NodeFailure> Predict(StackScope scope) =>
        scope.Nodes.Select(n => Predict(scope, n.Hostname)).ToList();

    /// <summary>The prediction for the loss of node <paramref name="hostname"/> of <paramref name="scope"/>'s inventory.</summary>
    public static NodeFailure Predict(StackScope scope, string hostname)
    {
        var (lost, rest, reschedules) = Lose(scope, hostname);
        return new NodeFailure(lost.Hostname, reschedules, scope.Services.Select(s => After(scope, rest, lost, reschedules, s)).ToList());
    }

    /// <summary>What the loss of node <paramref name="hostname"/> does to <paramref name="service"/> alone.</summary>
    public static ServiceAfterFailure Predict(StackScope scope, string hostname, ServiceSpec service)
    {
        var (lost, rest, reschedules) = Lose(scope, hostname);
        return After(scope, rest, lost, reschedules, service);
    }

    private static (NodeSpec Lost, StackScope Others, bool Reschedules) Lose(StackScope scope, string hostname)
    {
        var lost = scope.Nodes.FirstOrDefault(n => string.Equals(n.Hostname, hostname, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{hostname}' is not a node of the inventory.", nameof(hostname));
        var managers = scope.Nodes.Count(n => n.Role == NodeRole.Manager);
        var reschedules = lost.Role != NodeRole.Manager || (managers - 1) * 2 > managers;
        return (lost, scope with { Nodes = new ValueList<NodeSpec>(scope.Nodes.Where(n => !ReferenceEquals(n, lost))) }, reschedules);
    }

    private static ServiceAfterFailure After(StackScope scope, StackScope rest, NodeSpec lost, bool reschedules, ServiceSpec service)
    {
        var before = Scheduling.Predict(scope, service).Running;
        var perNode = Scheduling.PerNode(scope, service);
        var onLost = perNode.FirstOrDefault(n => n.Node == lost.Hostname);
        var lostMin = onLost?.Min ?? 0;
        var lostMax = onLost?.Max ?? 0;
        var wanted = ComposeWords.IsGlobal(service.Mode) ? perNode.Length : service.Replicas ?? 1;
        int runningMin, runningMax;
        if (reschedules)
        {
            runningMin = runningMax = Scheduling.Predict(rest, service).Running;
        }
        else
        {
            runningMin = before - lostMax;
            runningMax = before - lostMin;
        }

        var lostWithNode = onLost is not null && perNode.Length == 1 && wanted > 0;
        var cluster = ServiceTraits.QuorumCluster(service);
        return new ServiceAfterFailure(service.Name, runningMin, runningMax, wanted, lostWithNode, cluster, before - lostMax, before - lostMin);
    }
}
