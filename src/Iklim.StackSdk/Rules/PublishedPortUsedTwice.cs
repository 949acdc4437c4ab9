using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0113: two services of one effective stack that publish the same port and protocol where they collide. The
/// routing mesh publishes an ingress port on every node, so an ingress port clashes with the same port of any other
/// service (<c>docker stack deploy</c> fails: port already in use). A host-mode port binds only on the nodes the
/// task runs on: two host-mode services clash when the inventory has a node both may run on (without an
/// inventory, when neither is constrained). The later service in declaration order is reported, at its
/// <c>Port</c> call. One service's own tasks are Swarm's to keep apart, so a global host-mode service is fine.
/// </summary>
internal sealed class PublishedPortUsedTwice : StackRule
{
    public const string Id = "IKS0113";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Published port used twice",
        "service '{0}' publishes {1}/{2} in {3} mode {4}, but service '{5}' already publishes it in {6} mode{7}: {8}. Publish another port or give the two services one port through the gateway.",
        FindingSeverity.Warning,
        "An ingress port is bound on every node of the swarm and a host-mode port on each node running the task, so two services cannot publish the same port where they meet.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        var seen = new List<(ServiceSpec Service, PortSpec Port)>();
        foreach (var service in scope.Stack.Services)
        {
            if (!ComposeWords.IsGlobal(service.Mode) && service.Replicas == 0)
            {
                continue;
            }

            foreach (var port in service.Ports.Where(p => p.Published is not null))
            {
                var earlier = seen.FirstOrDefault(s => s.Port.Published == port.Published && s.Port.Protocol == port.Protocol && Collide(scope, s, (service, port)) is not null);
                if (earlier.Service is not null)
                {
                    var published = port.Published!.Value.ToString(CultureInfo.InvariantCulture);
                    yield return scope.Warn(
                        Rule,
                        service,
                        scope.KeyFor(service, ServiceSettings.Port(port.Published!.Value)),
                        service.Name,
                        published,
                        Word(port.Protocol),
                        Word(port.Mode),
                        scope.Phrase,
                        earlier.Service.Name,
                        Word(earlier.Port.Mode),
                        Collide(scope, earlier, (service, port))!,
                        port.Mode == PortMode.Ingress || earlier.Port.Mode == PortMode.Ingress
                            ? "the routing mesh binds an ingress port on every node, so the deploy fails"
                            : "a task that lands on a node where the other one runs cannot bind the port and never starts");
                }

                seen.Add((service, port));
            }
        }
    }

    // Where the two meet: "" when everywhere (ingress), else the shared nodes; null when they cannot meet.
    private static string? Collide(RuleScope scope, (ServiceSpec Service, PortSpec Port) a, (ServiceSpec Service, PortSpec Port) b)
    {
        if (ReferenceEquals(a.Service, b.Service))
        {
            return null;
        }

        if (a.Port.Mode == PortMode.Ingress || b.Port.Mode == PortMode.Ingress)
        {
            return string.Empty;
        }

        if (!scope.HasInventory)
        {
            return a.Service.Constraints.IsEmpty && b.Service.Constraints.IsEmpty ? " and neither is constrained to a node" : null;
        }

        var shared = Placement.Eligible(scope.Stack.Nodes, a.Service).Select(n => n.Hostname)
            .Intersect(Placement.Eligible(scope.Stack.Nodes, b.Service).Select(n => n.Hostname))
            .ToList();
        return shared.Count == 0 ? null : $" and both can run on {string.Join(", ", shared)}";
    }

    private static string Word(PortProtocol protocol) => protocol == PortProtocol.Udp ? "udp" : "tcp";

    private static string Word(PortMode mode) => mode == PortMode.Host ? "host" : "ingress";
}
