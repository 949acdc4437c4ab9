using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0103: a service that must run once (pinned to one node, or marked <c>Singleton()</c>) but runs more than one
/// task, or that is pinned to two different nodes. Docker appends an overlay's constraints to the base's, so a pin
/// in an overlay does not move a service the base pinned elsewhere: it makes it unschedulable.
/// </summary>
internal sealed class DuplicatePinnedSingleton : StackRule
{
    public const string Id = "IKS0103";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Duplicate pinned singleton",
        "service '{0}' is {1} {2}{3}: {4}",
        FindingSeverity.Warning,
        "A service pinned to one node or marked Singleton() must run once; Docker appends an overlay's constraints to the base's, so a second pin makes it unschedulable.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var service in scope.Stack.Services)
        {
            var pins = Placement.Pins(service);
            var conflict = Conflict(pins);
            if (conflict is not null)
            {
                var (first, second) = conflict.Value;

                // The later pin is the one to question; in a profile, the one the profile added.
                var keys = pins.Reverse().Select(p => ServiceSettings.Constraint(p.Constraint)).ToArray();
                yield return scope.Warn(
                    Rule,
                    service,
                    scope.KeyFor(service, keys),
                    service.Name,
                    "pinned to two different nodes",
                    scope.Phrase,
                    $" ({first.Constraint} and {second.Constraint})",
                    "Docker appends an overlay's constraints to the base's and Swarm requires all of them, so no node can run it. Pin it in one place only.");
                continue;
            }

            var tasks = scope.Tasks(service);
            if ((service.Replicas ?? 1) == 0 || (pins.Count == 0 && service.Singleton != true))
            {
                continue;
            }

            var what = pins.Count > 0 ? $"pinned to node '{pins[0].Node}' ({pins[0].Constraint})" : "marked Singleton()";
            var whyKey = pins.Count > 0 ? ServiceSettings.Constraint(pins[0].Constraint) : ServiceSettings.Singleton;
            if (ComposeWords.IsGlobal(service.Mode))
            {
                // A global service pinned to one node runs one task there; only an unpinned Singleton() spreads.
                if (pins.Count == 0 && tasks is null or > 1)
                {
                    var count = tasks is { } n ? $"one task on each of {n.ToString(CultureInfo.InvariantCulture)} nodes" : "one task on every node";
                    yield return scope.Warn(
                        Rule,
                        service,
                        scope.KeyFor(service, ServiceSettings.Global, whyKey),
                        service.Name,
                        what + " but is global",
                        scope.Phrase,
                        string.Empty,
                        $"it runs {count}, so the singleton runs more than once. Make it replicated with 1 replica.");
                }
            }
            else if (tasks > 1)
            {
                yield return scope.Warn(
                    Rule,
                    service,
                    scope.KeyFor(service, ServiceSettings.Replicas, whyKey),
                    service.Name,
                    $"{what} but runs {tasks.Value.ToString(CultureInfo.InvariantCulture)} replicas",
                    scope.Phrase,
                    string.Empty,
                    "the singleton runs more than once. Use 1 replica.");
            }
        }
    }

    // Two pins of the same kind that name different nodes; a hostname and an id cannot be compared.
    private static (Pin First, Pin Second)? Conflict(IReadOnlyList<Pin> pins)
    {
        foreach (var group in pins.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            var other = group.FirstOrDefault(p => !string.Equals(p.Node, first.Node, StringComparison.OrdinalIgnoreCase));
            if (other is not null)
            {
                return (first, other);
            }
        }

        return null;
    }
}
