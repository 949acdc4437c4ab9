using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0109: a chash upstream whose nodes are not per-node aliases of the target service.</summary>
public sealed class ConsistentHashWithoutPerNodeAliasesModelTests
{
    private const string Id = "IKS0109";

    private static void Base(IStackBuilder s)
    {
        s.Node("iklim-app-01").Label("type", "service");
        s.Service("apisix").Image("apache/apisix:3.11.0-debian").Network("net");
        s.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Network("net").Constraint("node.labels.type == service");
        s.Gateway("apisix").Upstream("rabbitmq-upstream", up => up.RoundRobin().Node("rabbitmq", 15674));
    }

    private static void ProdNodes(IProfileBuilder prod)
    {
        prod.Node("iklim-app-02").Label("type", "service");
        prod.Node("iklim-app-03").Label("type", "service");
    }

    private static IUpstreamBuilder PerNode(IUpstreamBuilder up, params string[] nodes)
    {
        up.ConsistentHash("remote_addr");
        foreach (var node in nodes)
        {
            up.Node("rabbitmq-" + node, 15674);
        }

        return up;
    }

    [Fact]
    public void RoundRobinToTheVip_DoesNotTrigger() =>
        Assert.Empty(RuleStack.Findings(Id, Base, prod => prod.Service("rabbitmq").Replicas(3).MaxReplicasPerNode(1)));

    [Fact]
    public void PerNodeAliasesOfTheNodesInTheInventory_DoNotTrigger() =>
        Assert.Empty(RuleStack.Findings(Id, Base, prod =>
        {
            ProdNodes(prod);
            prod.Service("rabbitmq").Network("net", $"rabbitmq-{Swarm.NodeHostname}").Replicas(3).MaxReplicasPerNode(1);
            prod.Gateway("apisix").Upstream("rabbitmq-upstream", up => PerNode(up, "iklim-app-01", "iklim-app-02", "iklim-app-03"));
        }));

    [Fact]
    public void ChashToTheVipOfAReplicatedService_Triggers()
    {
        var findings = RuleStack.Findings(Id, Base, prod =>
        {
            prod.Service("rabbitmq").Replicas(3).MaxReplicasPerNode(1);
            ProdNodes(prod);
            prod.Gateway("apisix").Upstream("rabbitmq-upstream", up => up.ConsistentHash("remote_addr").Node("rabbitmq", 15674));
        });

        var finding = RuleStack.Single(findings, "prod", "Upstream:rabbitmq-upstream:Node:rabbitmq", "prod");
        Assert.Contains("is the Swarm VIP of service 'rabbitmq', which spreads every connection over its 3 tasks", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChashToTheVipOfASingleTask_DoesNotTrigger() =>
        Assert.Empty(RuleStack.Findings(Id, s =>
        {
            Base(s);
            s.Gateway("apisix").Upstream("rabbitmq-upstream", up => up.ConsistentHash("remote_addr").Node("rabbitmq", 15674));
        }));

    [Fact]
    public void PerNodeNamesWithoutAliases_Trigger()
    {
        var findings = RuleStack.Findings(Id, Base, prod =>
        {
            ProdNodes(prod);
            prod.Service("rabbitmq").Replicas(3).MaxReplicasPerNode(1);
            prod.Gateway("apisix").Upstream("rabbitmq-upstream", up => PerNode(up, "iklim-app-01", "iklim-app-02", "iklim-app-03"));
        });

        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Contains("declares no network aliases here", f.Message, StringComparison.Ordinal));
        Assert.Equal("Upstream:rabbitmq-upstream:Node:rabbitmq-iklim-app-02", findings[1].Where.Key);
    }

    [Fact]
    public void AliasesOnlyInTheBaseProfileInventory_TriggerForTheMissingNode()
    {
        // The alias is per node, but iklim-app-03 is not in this profile's inventory: no task answers to that name.
        var findings = RuleStack.Findings(Id, Base, prod =>
        {
            prod.Node("iklim-app-02").Label("type", "service");
            prod.Service("rabbitmq").Network("net", $"rabbitmq-{Swarm.NodeHostname}").Replicas(2).MaxReplicasPerNode(1);
            prod.Gateway("apisix").Upstream("rabbitmq-upstream", up => PerNode(up, "iklim-app-01", "iklim-app-02", "iklim-app-03"));
        });

        var finding = RuleStack.Single(findings, "prod", "Upstream:rabbitmq-upstream:Node:rabbitmq-iklim-app-03", "prod");
        Assert.Contains("(iklim-app-01, iklim-app-02)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostsOutsideTheStack_DoNotTrigger() =>
        Assert.Empty(RuleStack.Findings(Id, s =>
        {
            Base(s);
            s.Gateway("apisix").Upstream("legacy", up => up.ConsistentHash("remote_addr").Node("legacy-01.internal", 80).Node("legacy-02.internal", 80));
        }));
}
