using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// What a rule checks: a stack as Docker would deploy it (<see cref="Stack"/>), the settings this scope itself
/// wrote (<see cref="Changes"/>: the whole base, or the overlay of a profile), and how to name the scope in a message.
/// </summary>
internal sealed class RuleScope
{
    private RuleScope(string name, StackScope stack, StackScope changes)
    {
        Name = name;
        Stack = stack;
        Changes = changes;
        Phrase = name.Length == 0 ? "in the base stack" : $"in profile '{name}'";
    }

    /// <summary>The scope of a <see cref="SourceRef"/>: <c>""</c> for the base, else the profile name.</summary>
    public string Name { get; }

    /// <summary>The stack to check.</summary>
    public StackScope Stack { get; }

    /// <summary>What this scope wrote; a profile's overlay holds only what differs from the base.</summary>
    public StackScope Changes { get; }

    /// <summary>How a message places the problem: <c>in the base stack</c> or <c>in profile 'prod'</c>.</summary>
    public string Phrase { get; }

    /// <summary>True when the scope declares nodes; placement rules stay silent without one.</summary>
    public bool HasInventory => !Stack.Nodes.IsEmpty;

    /// <summary>The base, checked as written.</summary>
    public static RuleScope ForBase(StackScope stack) => new(string.Empty, stack, stack);

    /// <summary>A profile: <paramref name="stack"/> checked, <paramref name="overlay"/> being what the profile changed.</summary>
    public static RuleScope ForProfile(string profile, StackScope stack, StackScope overlay) => new(profile, stack, overlay);

    /// <summary>
    /// A finding of <paramref name="rule"/> about <paramref name="service"/>, at the call <paramref name="key"/> of this
    /// scope, its message made from the rule's format and <paramref name="arguments"/>.
    /// </summary>
    public Finding Warn(RuleDefinition rule, ServiceSpec service, SettingKey key, params object[] arguments) =>
        new(rule.Id, rule.DefaultSeverity, rule.Message(arguments), new SourceRef(Name, "service", service.Name, key.ToString()));

    /// <summary>
    /// The first of <paramref name="keys"/> that this scope set for <paramref name="service"/>, else the first key:
    /// a profile's finding points at the profile's own call when it made one, and at the base's call otherwise.
    /// </summary>
    public SettingKey KeyFor(ServiceSpec service, params SettingKey[] keys)
    {
        foreach (var key in keys)
        {
            if (Sets(service.Name, key))
            {
                return key;
            }
        }

        return keys[0];
    }

    /// <summary>True when this scope itself set <paramref name="key"/> of <paramref name="service"/> (for a profile: to a new value).</summary>
    public bool Sets(string service, SettingKey key) =>
        ServiceKeys.ForCall(key.Member) is { } serviceKey && Changes.Service(service) is { } spec && serviceKey.Holds(spec, key);

    /// <summary>True when this scope set what a finding's <see cref="SourceRef.Key"/> names: a service key or a gateway setting.</summary>
    public bool Sets(SourceRef where) => SetsGateway(where.Name, where.Key) || Sets(where.Name, SettingKey.Parse(where.Key));

    /// <summary>
    /// True when this scope itself set the gateway setting <paramref name="key"/> of the gateway run by
    /// <paramref name="service"/>: <c>Route:{id}:LimitCount</c>, <c>GlobalRule:{id}:LimitConn</c>,
    /// <c>Upstream:{id}:Node:{host}</c>, <c>Upstream:{id}:Balancer</c>, <c>Etcd</c>, <c>RealIp</c>.
    /// </summary>
    public bool SetsGateway(string service, string key)
    {
        if (Changes.Gateway(service) is not { } gateway)
        {
            return false;
        }

        var parts = key.Split(new[] { ':' }, 3);
        var detail = parts.Length > 2 ? parts[2] : string.Empty;
        switch (parts[0])
        {
            case "Etcd":
                return gateway.Etcd is not null;
            case "RealIp":
                return gateway.RealIp is not null;
            case "AdminApi":
                return gateway.AdminApi is not null;
            case "Route" when parts.Length > 1:
                return gateway.Routes.FirstOrDefault(r => r.Id == parts[1]) is { } route && (detail.Length == 0 || SetsPlugin(route.Plugins, detail));
            case "GlobalRule" when parts.Length > 1:
                return gateway.GlobalRules.FirstOrDefault(r => r.Id == parts[1]) is { } rule && (detail.Length == 0 || SetsPlugin(rule.Plugins, detail));
            case "Upstream" when parts.Length > 1:
                return gateway.Upstreams.FirstOrDefault(u => u.Id == parts[1]) is { } upstream && detail switch
                {
                    "" => true,
                    "Balancer" => upstream.Balancer is not null,
                    _ when detail.StartsWith("Node:", StringComparison.Ordinal) => upstream.Nodes.Any(n => n.Host == detail.Substring("Node:".Length)),
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary>The tasks <paramref name="service"/> runs: its replicas, or for a global service its eligible nodes (null without an inventory).</summary>
    public int? Tasks(ServiceSpec service) =>
        ComposeWords.IsGlobal(service.Mode)
            ? HasInventory ? Placement.EligibleCount(Stack.Nodes, service) : null
            : service.Replicas ?? 1;

    /// <summary>The hostnames of <paramref name="nodes"/>, for messages.</summary>
    public static string Hostnames(IEnumerable<NodeSpec> nodes) => string.Join(", ", nodes.Select(n => n.Hostname));

    private static bool SetsPlugin(ValueList<PluginSpec> plugins, string call) => call switch
    {
        "LimitCount" => plugins.Any(p => p is LimitCountSpec),
        "LimitConn" => plugins.Any(p => p is LimitConnSpec),
        _ => false,
    };
}
