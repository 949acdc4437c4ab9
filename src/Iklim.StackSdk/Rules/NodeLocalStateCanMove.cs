using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0111: a replicated service that keeps writable data on a node-local volume (a bind mount, or a named volume
/// of the <c>local</c> driver without a network file system) while its constraints let its tasks run on more nodes
/// of the inventory than it has tasks. When Swarm reschedules a task (node drained, node down, an update) it lands
/// on another node, where the volume of that name is empty: the service starts with no data. One replica is the
/// common case (the voting app's Postgres on <c>node.role == manager</c>). Global services are left alone (a
/// global task never leaves its node), and so are cluster (CSI) mounts, volumes whose source is a deploy-time <c>${VAR}</c>, external
/// volumes and volumes of another driver, whose storage the rule cannot see. Judged only against an inventory.
/// </summary>
internal sealed class NodeLocalStateCanMove : StackRule
{
    public const string Id = "IKS0111";

    private static readonly string[] NetworkFileSystems = { "nfs", "nfs4", "cifs", "smb", "glusterfs", "ceph" };

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Stateful service on a node-local volume that can move",
        "service '{0}' keeps its data in {1} at {2} on the node it runs on, but its {3} task(s) can run on {4} nodes of the inventory {5} ({6}): when Swarm reschedules a task to another node it starts on that node's empty volume. Pin it with .PinToNode(\"{7}\"), or keep the data on shared storage.",
        FindingSeverity.Warning,
        "A named volume of the local driver and a bind mount live on one node; a task that Swarm moves to another node starts there on an empty volume.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        if (!scope.HasInventory)
        {
            yield break;
        }

        foreach (var service in scope.Stack.Services)
        {
            if (ComposeWords.IsGlobal(service.Mode) || scope.Tasks(service) is not { } tasks || tasks == 0 || NodeLocalMount(scope.Stack, service) is not { } mount)
            {
                continue;
            }

            var eligible = Placement.Eligible(scope.Stack.Nodes, service);
            if (eligible.Count <= tasks)
            {
                continue;
            }

            var what = Names.IsAbsolutePath(mount.Source) ? $"the host path {mount.Source}" : $"the volume '{mount.Source}'";
            var key = scope.KeyFor(service, ServiceSettings.Volume(mount.Target), ServiceSettings.Replicas);
            yield return scope.Warn(Rule, service, key, service.Name, what, mount.Target, tasks, eligible.Count, scope.Phrase, RuleScope.Hostnames(eligible), eligible[0].Hostname);
        }
    }

    private static MountSpec? NodeLocalMount(StackScope stack, ServiceSpec service) =>
        ServiceTraits.StateMounts(service).FirstOrDefault(m => IsNodeLocal(stack, m));

    private static bool IsNodeLocal(StackScope stack, MountSpec mount)
    {
        // A cluster volume is the CSI plugin's storage, reachable from the nodes its topology allows, not one node's.
        if (mount.Type == MountType.Cluster || Names.HasInterpolation(mount.Source))
        {
            return false;
        }

        if (Names.IsAbsolutePath(mount.Source))
        {
            return true;
        }

        var volume = stack.Volumes.FirstOrDefault(v => string.Equals(v.Name, mount.Source, StringComparison.Ordinal));
        if (volume is null || volume.External || (volume.Driver is { } driver && !string.Equals(driver, "local", StringComparison.Ordinal)))
        {
            return false;
        }

        return !(volume.DriverOptions.Get("type") is { } type && NetworkFileSystems.Contains(type.ToLowerInvariant(), StringComparer.Ordinal));
    }
}
