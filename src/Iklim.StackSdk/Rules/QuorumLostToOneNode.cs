using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0110: a quorum cluster of three or more members (Raft, ZooKeeper, RabbitMQ, Redis Sentinel) whose placement
/// on the scope's inventory lets the loss of one node take away its majority: one node can hold half the members or
/// more (<c>max_replicas_per_node</c> above 1, or none, on too few eligible nodes), or too few nodes are eligible to
/// run them all. Judged with <see cref="NodeFailures"/>, the model behind STACK.md's "When a node fails" table.
/// Two members are IKS0106's finding; without an inventory the rule is silent.
/// </summary>
internal sealed class QuorumLostToOneNode : StackRule
{
    public override string Id => "IKS0110";

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
                ? new[] { "MaxReplicasPerNode" }.Concat(service.Constraints.Select(c => "Constraint:" + c)).Append("Replicas")
                : new[] { service.Mode == ServiceMode.Global ? "Global" : "Replicas" }.Concat(service.Constraints.Select(c => "Constraint:" + c));
            yield return scope.Warn(
                Id,
                service,
                scope.KeyFor(service, keys.ToArray()),
                $"service '{service.Name}' runs {Number(members)} {kind} members {scope.Phrase} with {limit} on {Number(eligible.Length)} eligible node(s) ({string.Join(", ", eligible)}): one node can hold {Number(held)} of them, and losing {worst.Node} leaves {Number(worst.After.MembersLeftMin)} of {Number(members)}, below the majority of {Number((members / 2) + 1)}. {advice}.");
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
