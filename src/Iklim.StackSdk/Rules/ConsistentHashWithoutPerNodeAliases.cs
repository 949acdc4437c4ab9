using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0109: a <c>chash</c> upstream that cannot hash onto separate tasks. Consistent hashing needs one upstream node
/// per task; in Swarm that is a per-node network alias such as <c>rabbitmq-{{.Node.Hostname}}</c> (the seed's Step 7
/// DNS note). Fires for a node that is the service name (the VIP) of a service running more than one task, and for a
/// node named like a service of the stack (<c>rabbitmq-iklim-app-02</c>) that no alias of that service resolves to in
/// this scope: the alias is missing, it is not per node, or the node is not in the inventory where the service runs.
/// Hosts outside the stack are left alone.
/// </summary>
internal sealed class ConsistentHashWithoutPerNodeAliases : StackRule
{
    public const string Id = "IKS0109";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Consistent-hash upstream without per-node aliases",
        "upstream '{0}' of gateway '{1}' hashes on {2} {3}, but its node '{4}' {5}",
        FindingSeverity.Warning,
        "chash needs one upstream node per task: a Swarm VIP spreads connections anyway, and a per-node name that no alias declares does not resolve.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var gateway in scope.Stack.Gateways)
        {
            foreach (var upstream in gateway.Upstreams.Where(u => u.Balancer == UpstreamBalancer.Chash))
            {
                foreach (var node in upstream.Nodes)
                {
                    if (Problem(scope, node.Host) is not { } problem)
                    {
                        continue;
                    }

                    yield return new Finding(
                        Id,
                        Rule.DefaultSeverity,
                        Rule.Message(upstream.Id, gateway.Service, upstream.Key ?? "remote_addr", scope.Phrase, node.Host, problem),
                        new SourceRef(scope.Name, "gateway", gateway.Service, "Upstream:" + upstream.Id + ":Node:" + node.Host));
                }
            }
        }
    }

    private static string? Problem(RuleScope scope, string host)
    {
        if (scope.Stack.Service(host) is { } vip)
        {
            return scope.Tasks(vip) is { } tasks && tasks > 1
                ? $"is the Swarm VIP of service '{vip.Name}', which spreads every connection over its {tasks} tasks: the hash picks one address and Swarm ignores it. Give '{vip.Name}' a per-node alias (.Network(net, aliases: $\"{vip.Name}-{{Swarm.NodeHostname}}\")) and list one node per alias."
                : null;
        }

        if (Resolves(scope, host))
        {
            return null;
        }

        var owner = scope.Stack.Services
            .Where(s => host.StartsWith(s.Name + "-", StringComparison.Ordinal) || host.StartsWith(s.Name + ".", StringComparison.Ordinal))
            .OrderByDescending(s => s.Name.Length)
            .FirstOrDefault();
        if (owner is null)
        {
            return null;
        }

        var aliases = owner.Networks.SelectMany(n => n.Aliases).ToList();
        return aliases.Count == 0
            ? $"is not an alias of service '{owner.Name}', which declares no network aliases here: the name does not resolve. Add a per-node alias: .Network(net, aliases: $\"{owner.Name}-{{Swarm.NodeHostname}}\")."
            : $"is not what any alias of service '{owner.Name}' ({string.Join(", ", aliases)}) resolves to on the nodes it runs on here ({RuleScope.Hostnames(Placement.Eligible(scope.Stack.Nodes, owner))}). List the per-node names of the nodes in this profile's inventory.";
    }

    // Whether some service's alias is exactly host: a literal alias, or a {{.Node.Hostname}} alias expanded over the
    // inventory nodes the service can run on.
    private static bool Resolves(RuleScope scope, string host)
    {
        foreach (var service in scope.Stack.Services)
        {
            foreach (var alias in service.Networks.SelectMany(n => n.Aliases))
            {
                if (string.Equals(alias, host, StringComparison.Ordinal))
                {
                    return true;
                }

                if (alias.IndexOf(Swarm.NodeHostname, StringComparison.Ordinal) >= 0
                    && Placement.Eligible(scope.Stack.Nodes, service).Any(n => string.Equals(alias.Replace(Swarm.NodeHostname, n.Hostname), host, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
