using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0104: a service Swarm cannot fully place on the scope's node inventory, because its constraints match no node
/// or because its replicas exceed the eligible nodes times <c>max_replicas_per_node</c>. Silent without an inventory.
/// Two different pins are IKS0103's finding and are not repeated here.
/// </summary>
internal sealed class UnschedulablePlacement : StackRule
{
    public const string Id = "IKS0104";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Unschedulable placement",
        "service '{0}' {1} {2}{3}: {4}. {5}",
        FindingSeverity.Warning,
        "No declared node satisfies the constraints, or the replicas exceed the eligible nodes times max_replicas_per_node: tasks stay pending.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        if (!scope.HasInventory)
        {
            yield break;
        }

        var nodes = scope.Stack.Nodes;
        foreach (var service in scope.Stack.Services)
        {
            if (!ComposeWords.IsGlobal(service.Mode) && service.Replicas == 0)
            {
                continue;
            }

            var eligible = Placement.Eligible(nodes, service);
            if (eligible.Count == 0)
            {
                if (!PinnedTwice(service))
                {
                    yield return NoNode(scope, service);
                }

                continue;
            }

            if (!ComposeWords.IsGlobal(service.Mode) && service.MaxReplicasPerNode is { } max && service.Replicas is { } replicas && replicas > eligible.Count * max)
            {
                var pending = replicas - (eligible.Count * max);
                yield return scope.Warn(
                    Rule,
                    service,
                    scope.KeyFor(service, ServiceSettings.Replicas, ServiceSettings.MaxReplicasPerNode),
                    service.Name,
                    $"runs {Number(replicas)} replicas",
                    scope.Phrase,
                    $" with max_replicas_per_node {Number(max)}, but only {Number(eligible.Count)} node(s) of the inventory are eligible ({RuleScope.Hostnames(eligible)})",
                    $"{Number(pending)} replica(s) stay pending",
                    "Lower the replicas, raise the limit, or declare more nodes.");
            }
        }
    }

    private static Finding NoNode(RuleScope scope, ServiceSpec service)
    {
        var knowable = service.Constraints.Where(Placement.IsKnowable).ToList();

        // Blame a constraint no node satisfies on its own; else the combination, at its latest constraint.
        var alone = knowable.Where(c => scope.Stack.Nodes.All(n => Placement.Satisfies(n, c) == false)).ToList();
        var blamed = alone.Count > 0 ? alone : Enumerable.Reverse(knowable).ToList();
        var text = alone.Count > 0 ? string.Join(", ", alone) : "all of " + string.Join(", ", knowable);
        return scope.Warn(
            Rule,
            service,
            scope.KeyFor(service, blamed.Select(c => ServiceSettings.Constraint(c)).ToArray()),
            service.Name,
            "cannot be scheduled",
            scope.Phrase,
            string.Empty,
            $"no node of the inventory ({RuleScope.Hostnames(scope.Stack.Nodes)}) satisfies {text}",
            "Fix the constraint or declare the node with .Node(...).Label(...).");
    }

    private static bool PinnedTwice(ServiceSpec service) =>
        Placement.Pins(service).GroupBy(p => p.Key).Any(g => g.Select(p => p.Node.ToUpperInvariant()).Distinct().Count() > 1);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
