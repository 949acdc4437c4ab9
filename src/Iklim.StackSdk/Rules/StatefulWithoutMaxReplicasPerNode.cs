using System.Collections.Generic;
using System.Globalization;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0101: a stateful service with more than one replica and no <c>max_replicas_per_node</c>. Swarm may put two
/// replicas on one node, where they share the node's volume or fall together with it.
/// Global services are left alone: Swarm never runs two tasks of a global service on one node.
/// </summary>
internal sealed class StatefulWithoutMaxReplicasPerNode : StackRule
{
    public const string Id = "IKS0101";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Replicated stateful service without max_replicas_per_node",
        "service '{0}' runs {1} replicas {2} and is stateful ({3}), but has no max_replicas_per_node: two replicas can land on one node. Add .MaxReplicasPerNode(1).",
        FindingSeverity.Warning,
        "Swarm may place two replicas of a stateful service on one node, where they share its disk and fail together.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var service in scope.Stack.Services)
        {
            if (ComposeWords.IsGlobal(service.Mode) || service.MaxReplicasPerNode is not null || (service.Replicas ?? 1) <= 1)
            {
                continue;
            }

            var (reason, reasonKey) = Statefulness(service);
            if (reason is null)
            {
                continue;
            }

            var replicas = service.Replicas!.Value.ToString(CultureInfo.InvariantCulture);
            yield return scope.Warn(Rule, service, scope.KeyFor(service, ServiceSettings.Replicas, reasonKey), service.Name, replicas, scope.Phrase, reason);
        }
    }

    private static (string? Reason, SettingKey Key) Statefulness(ServiceSpec service)
    {
        if (service.Stateful == true)
        {
            return ("marked Stateful()", ServiceSettings.Stateful);
        }

        if (ServiceTraits.StateMount(service) is { } mount)
        {
            return ($"it mounts {mount.Source} at {mount.Target}", ServiceSettings.Volume(mount.Target));
        }

        return ServiceTraits.HasStatefulImage(service)
            ? ($"image '{service.Image}' is a stateful server", ServiceSettings.Image)
            : (null, ServiceSettings.Replicas);
    }
}
