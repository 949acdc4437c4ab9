using System.Collections.Generic;
using System.Globalization;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0105: a <c>start-first</c> update (or rollback) of a service whose <c>max_replicas_per_node</c> leaves no free
/// slot on the eligible nodes: the new task cannot start beside the old one, and the old one is stopped only after
/// the new one runs, so the update hangs. Judged only against a declared inventory.
/// </summary>
internal sealed class StartFirstWithoutFreeSlot : StackRule
{
    public override string Id => "IKS0105";

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        if (!scope.HasInventory)
        {
            yield break;
        }

        foreach (var service in scope.Stack.Services)
        {
            if (service.Mode == ServiceMode.Global || service.MaxReplicasPerNode is not { } max || service.Replicas is not { } replicas || replicas == 0)
            {
                continue;
            }

            var eligible = Placement.Eligible(scope.Stack.Nodes, service).Count;
            var slots = eligible * max;
            if (eligible == 0 || slots > replicas)
            {
                continue;
            }

            foreach (var (key, what, order) in new[] { ("UpdateConfig", "updates", service.UpdateConfig?.Order), ("RollbackConfig", "rolls back", service.RollbackConfig?.Order) })
            {
                if (order == UpdateOrder.StartFirst)
                {
                    yield return scope.Warn(
                        Id,
                        service,
                        scope.KeyFor(service, key, "Replicas", "MaxReplicasPerNode"),
                        $"service '{service.Name}' {what} start-first {scope.Phrase}, but its {Number(replicas)} replicas with max_replicas_per_node {Number(max)} fill all {Number(slots)} slot(s) of its {Number(eligible)} eligible node(s): the new task finds no free slot and the rolling update hangs. Use order: UpdateOrder.StopFirst.");
                }
            }
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
