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
    private const int ParsedLimit = 1024;

    [ThreadStatic]
    private static Dictionary<string, (string Key, bool Equal, string Value, string? Label)>? parsed;

    /// <summary>Whether <paramref name="node"/> satisfies <paramref name="constraint"/>; null when the inventory cannot tell.</summary>
    public static bool? Satisfies(NodeSpec node, string constraint)
    {
        var (key, equal, value, label) = Parse(constraint);
        string? actual;
        if (key == "node.hostname")
        {
            actual = node.Hostname;
        }
        else if (key == "node.role")
        {
            actual = node.Role == NodeRole.Manager ? "manager" : "worker";
        }
        else if (label is not null)
        {
            // Swarm: a node without the label fails `==` and passes `!=`.
            actual = node.Labels.Get(label);
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
    public static IReadOnlyList<NodeSpec> Eligible(ValueList<NodeSpec> nodes, ServiceSpec service)
    {
        var eligible = new List<NodeSpec>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (SatisfiesAll(nodes[i], service.Constraints))
            {
                eligible.Add(nodes[i]);
            }
        }

        return eligible;
    }

    /// <summary>
    /// The constraints of <paramref name="service"/> that pin it to one node (<c>node.hostname ==</c>, <c>node.id ==</c>),
    /// in the order Docker's merge keeps them (base first, then the overlay's).
    /// </summary>
    public static IReadOnlyList<Pin> Pins(ServiceSpec service)
    {
        List<Pin>? pins = null;
        foreach (var constraint in service.Constraints)
        {
            var (key, equal, value, _) = Parse(constraint);
            if (equal && key is "node.hostname" or "node.id")
            {
                (pins ??= new List<Pin>()).Add(new Pin(key, value, constraint));
            }
        }

        return pins ?? (IReadOnlyList<Pin>)Array.Empty<Pin>();
    }

    /// <summary>How many of <paramref name="nodes"/> satisfy every constraint of <paramref name="service"/>: <see cref="Eligible"/>'s count, without the list.</summary>
    public static int EligibleCount(ValueList<NodeSpec> nodes, ServiceSpec service)
    {
        var count = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (SatisfiesAll(nodes[i], service.Constraints))
            {
                count++;
            }
        }

        return count;
    }

    private static bool SatisfiesAll(NodeSpec node, ValueList<string> constraints)
    {
        for (var i = 0; i < constraints.Count; i++)
        {
            if (Satisfies(node, constraints[i]) == false)
            {
                return false;
            }
        }

        return true;
    }

    // The rules and STACK.md ask about every node for every service, several times per scope, and a stack repeats a
    // few constraint texts: each text is parsed once per thread (a pure function, so the answer is the same), with
    // the label a node.labels.* constraint reads.
    private static (string Key, bool Equal, string Value, string? Label) Parse(string constraint)
    {
        var cache = parsed ??= new Dictionary<string, (string, bool, string, string?)>(StringComparer.Ordinal);
        if (!cache.TryGetValue(constraint, out var result))
        {
            if (cache.Count >= ParsedLimit)
            {
                cache.Clear();
            }

            var (key, equal, value) = Names.ParseConstraint(constraint);
            result = (key, equal, value, key.StartsWith(LabelPrefix, StringComparison.Ordinal) ? key.Substring(LabelPrefix.Length) : null);
            cache.Add(constraint, result);
        }

        return result;
    }
}

/// <summary>A constraint that pins a service to one node: the key (<c>node.hostname</c> or <c>node.id</c>), the node and the constraint text.</summary>
internal sealed record Pin(string Key, string Node, string Constraint);
