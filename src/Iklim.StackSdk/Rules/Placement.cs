using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// Swarm's placement constraints evaluated against a declared node inventory. Only what the inventory can know is
/// judged (<c>node.hostname</c>, <c>node.role</c>, <c>node.labels.*</c>); <c>node.id</c>, <c>node.platform.*</c>
/// and <c>engine.labels.*</c> are taken as satisfied so that a rule never guesses.
/// </summary>
internal static class Placement
{
    private const string LabelPrefix = "node.labels.";

    /// <summary>Whether <paramref name="node"/> satisfies <paramref name="constraint"/>; null when the inventory cannot tell.</summary>
    public static bool? Satisfies(NodeSpec node, string constraint)
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
        else if (key.StartsWith(LabelPrefix, StringComparison.Ordinal))
        {
            // Swarm: a node without the label fails `==` and passes `!=`.
            actual = node.Labels.Get(key.Substring(LabelPrefix.Length));
        }
        else
        {
            return null;
        }

        // Swarm compares constraint values case-insensitively.
        var same = actual is not null && string.Equals(actual, value, StringComparison.OrdinalIgnoreCase);
        return equal == same;
    }

    /// <summary>True when the inventory can judge <paramref name="constraint"/>.</summary>
    public static bool IsKnowable(string constraint) => Satisfies(new NodeSpec("probe"), constraint) is not null;

    /// <summary>The nodes of <paramref name="nodes"/> that satisfy every constraint of <paramref name="service"/>.</summary>
    public static IReadOnlyList<NodeSpec> Eligible(IEnumerable<NodeSpec> nodes, ServiceSpec service) =>
        nodes.Where(n => service.Constraints.All(c => Satisfies(n, c) != false)).ToList();

    /// <summary>
    /// The constraints of <paramref name="service"/> that pin it to one node (<c>node.hostname ==</c>, <c>node.id ==</c>),
    /// in the order Docker's merge keeps them (base first, then the overlay's).
    /// </summary>
    public static IReadOnlyList<Pin> Pins(ServiceSpec service) =>
        service.Constraints
            .Select(c => (Constraint: c, Parsed: Names.ParseConstraint(c)))
            .Where(c => c.Parsed.Equal && c.Parsed.Key is "node.hostname" or "node.id")
            .Select(c => new Pin(c.Parsed.Key, c.Parsed.Value, c.Constraint))
            .ToList();
}

/// <summary>A constraint that pins a service to one node: the key (<c>node.hostname</c> or <c>node.id</c>), the node and the constraint text.</summary>
internal sealed record Pin(string Key, string Node, string Constraint);
