using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0114: a quorum cluster of three or more members (Raft, ZooKeeper, RabbitMQ, Redis Sentinel) whose placement
/// on the scope's inventory lets the loss of one node take away its majority: one node can hold half the members or
/// more (<c>max_replicas_per_node</c> above 1, or none, on too few eligible nodes), or too few nodes are eligible to
/// run them all. Judged with <see cref="NodeFailures"/>, the model behind STACK.md's "When a node fails" table.
/// Two members are IKS0106's finding; without an inventory the rule is silent.
/// </summary>
internal sealed class QuorumLostToOneNode : StackRule
{
    public const string Id = "IKS0114";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Quorum cluster that one node failure takes below its majority",
        "service '{0}' runs {1} {2} members {3} with {4} on {5} eligible node(s) ({6}): one node can hold {7} of them, and losing {8} leaves {9} of {1}, below the majority of {10}. {11}.",
        FindingSeverity.Warning,
        "When one node can hold half of a cluster's members or more, losing that node loses the majority: the cluster stops deciding until the node returns.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        if (!scope.HasInventory)
        {
            yield break;
        }

        foreach (var service in scope.Stack.Services)
        {
            if (ServiceTraits.QuorumCluster(service) is not { } kind || scope.Tasks(service) is not { } members || members < 3)
            {
                continue;
            }

            var worst = scope.Stack.Nodes
                .Select(n => (Node: n.Hostname, After: NodeFailures.Predict(scope.Stack, n.Hostname, service)))
                .Where(f => f.After.MajorityKept == false)
                .OrderBy(f => f.After.MembersLeftMin)
                .FirstOrDefault();
            if (worst.Node is null)
            {
                continue;
            }

            var eligible = Scheduling.EligibleNodes(scope.Stack, service);
            var running = Scheduling.Predict(scope.Stack, service).Running;
            var held = running - worst.After.MembersLeftMin;
            var limit = service.MaxReplicasPerNode is { } max ? "max_replicas_per_node " + Number(max) : "no max_replicas_per_node";
            var advice = eligible.Length >= members
                ? "Use .MaxReplicasPerNode(1)"
                : $"Make {Number(members)} nodes eligible and use .MaxReplicasPerNode(1)";
            var keys = service.MaxReplicasPerNode is not null
                ? new[] { ServiceSettings.MaxReplicasPerNode }.Concat(service.Constraints.Select(c => ServiceSettings.Constraint(c))).Append(ServiceSettings.Replicas)
                : new[] { ComposeWords.IsGlobal(service.Mode) ? ServiceSettings.Global : ServiceSettings.Replicas }.Concat(service.Constraints.Select(c => ServiceSettings.Constraint(c)));
            yield return scope.Warn(
                Rule,
                service,
                scope.KeyFor(service, keys.ToArray()),
                service.Name,
                Number(members),
                kind,
                scope.Phrase,
                limit,
                Number(eligible.Length),
                string.Join(", ", eligible),
                Number(held),
                worst.Node,
                Number(worst.After.MembersLeftMin),
                Number((members / 2) + 1),
                advice);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
