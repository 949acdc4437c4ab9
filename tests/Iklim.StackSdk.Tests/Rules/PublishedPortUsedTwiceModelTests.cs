using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0113: a published port used twice in one effective stack.</summary>
public sealed class PublishedPortUsedTwiceModelTests
{
    private const string Id = "IKS0113";

    [Fact]
    public void TwoIngressServices_TriggersAtTheLatersPort()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Service("vote").Image("app:1.0.0").Port(5000, 80);
            s.Service("result").Image("app:1.0.0").Port(5000, 80);
        });

        var finding = RuleStack.Single(findings, "", "Port:5000", "base");
        Assert.Equal("result", finding.Where.Name);
        Assert.Equal(
            "service 'result' publishes 5000/tcp in ingress mode in the base stack, but service 'vote' already publishes it in ingress mode: the routing mesh binds an ingress port on every node, so the deploy fails. Publish another port or give the two services one port through the gateway.",
            finding.Message);
    }

    [Fact]
    public void IngressAndHost_Trigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a");
            s.Node("b");
            s.Service("edge").Image("app:1.0.0").Port(443, 443, mode: PortMode.Host).PinToNode("a");
            s.Service("web").Image("app:1.0.0").Port(443, 8443);
        });

        Assert.Contains("already publishes it in host mode", RuleStack.Single(findings, "", "Port:443", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostModeOnASharedNode_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a").Label("edge", "true");
            s.Node("b").Label("edge", "true");
            s.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").Port(80, 80, mode: PortMode.Host).PinToNode("a");
            s.Service("traefik").Image("traefik:v3.2.0").Port(80, 80, mode: PortMode.Host).Constraint("node.labels.edge == true");
        });

        Assert.Contains("and both can run on a:", RuleStack.Single(findings, "", "Port:80", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostModeWithoutInventoryOrConstraints_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Service("one").Image("app:1.0.0").Port(8080, 80, mode: PortMode.Host);
            s.Service("two").Image("app:1.0.0").Port(8080, 80, mode: PortMode.Host);
        });

        Assert.Contains("and neither is constrained to a node", RuleStack.Single(findings, "", "Port:8080", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileAddsAServiceOnTheBasesPort_TriggersInTheProfile()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("grafana").Image("grafana/grafana:11.3.1").Port(3000, 3000),
            prod => prod.Service("grafana-next").Image("grafana/grafana:11.3.1").Port(3000, 3000));

        var finding = RuleStack.Single(findings, "prod", "Port:3000", "prod");
        Assert.Equal("grafana-next", finding.Where.Name);
    }

    [Fact]
    public void DifferentPortsProtocolsNodesOrUnpublished_DoNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a");
            s.Node("b");
            s.Service("dns-tcp").Image("app:1.0.0").Port(53, 53, PortProtocol.Tcp);
            s.Service("dns-udp").Image("app:1.0.0").Port(53, 53, PortProtocol.Udp);
            s.Service("vote").Image("app:1.0.0").Port(5000, 80);
            s.Service("result").Image("app:1.0.0").Port(5001, 80);
            s.Service("edge-a").Image("caddy:2.8.4").Port(443, 443, mode: PortMode.Host).PinToNode("a");
            s.Service("edge-b").Image("caddy:2.8.4").Port(443, 443, mode: PortMode.Host).PinToNode("b");
            s.Service("redis").Image("redis:7.2.5-alpine");
            s.Service("idle").Image("app:1.0.0").Port(5000, 80).Replicas(0);
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void GlobalHostModeGateway_DoesNotTrigger()
    {
        // One task per node: Swarm keeps a service's own host-mode tasks apart.
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a");
            s.Node("b");
            s.Service("apisix").Image("apache/apisix:3.11.0-debian").Port(9080, 9080, mode: PortMode.Host).Port(9443, 9443, mode: PortMode.Host).Global();
            s.Service("caddy").Image("caddy:2.8.4").Port(3000, 3000).Port(9090, 9090).Global();
        });

        Assert.Empty(findings);
    }
}
