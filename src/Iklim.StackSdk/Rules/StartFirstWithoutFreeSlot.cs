using System.Collections.Generic;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0105: a <c>start-first</c> update (or rollback) of a service whose <c>max_replicas_per_node</c> leaves no free
/// slot on the eligible nodes: the new task cannot start beside the old one, and the old one is stopped only after
/// the new one runs, so the update hangs. Judged only against a declared inventory.
/// </summary>
internal sealed class StartFirstWithoutFreeSlot : StackRule
{
    public const string Id = "IKS0105";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "start-first update without a free slot",
        "service '{0}' {1} start-first {2}, but its {3} replicas with max_replicas_per_node {4} fill all {5} slot(s) of its {6} eligible node(s): the new task finds no free slot and the rolling update hangs. Use order: UpdateOrder.StopFirst.",
        FindingSeverity.Warning,
        "A start-first update starts the new task before stopping the old one; when max_replicas_per_node fills every eligible node, the new task never starts and the update hangs.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        if (!scope.HasInventory)
        {
            yield break;
        }

        foreach (var service in scope.Stack.Services)
        {
            if (ComposeWords.IsGlobal(service.Mode) || service.MaxReplicasPerNode is not { } max || service.Replicas is not { } replicas || replicas == 0)
            {
                continue;
            }

            var eligible = Placement.EligibleCount(scope.Stack.Nodes, service);
            var slots = eligible * max;
            if (eligible == 0 || slots > replicas)
            {
                continue;
            }

            foreach (var (key, what, order) in new[] { (ServiceSettings.UpdateConfig, "updates", service.UpdateConfig?.Order), (ServiceSettings.RollbackConfig, "rolls back", service.RollbackConfig?.Order) })
            {
                if (order == UpdateOrder.StartFirst)
                {
                    yield return scope.Warn(Rule, service, scope.KeyFor(service, key, ServiceSettings.Replicas, ServiceSettings.MaxReplicasPerNode), service.Name, what, scope.Phrase, replicas, max, slots, eligible);
                }
            }
        }
    }
}
