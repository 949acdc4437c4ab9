using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0114: a quorum cluster whose placement lets one node failure take away its majority.</summary>
public sealed class QuorumLostToOneNodeModelTests
{
    private const string Id = "IKS0114";

    private static void Nodes(IStackBuilder s, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            s.Node($"iklim-app-0{i}").Label("type", "service").Role(i == 1 ? NodeRole.Manager : NodeRole.Worker);
        }
    }

    [Fact]
    public void ThreeMembersAtMostTwoPerNodeOnTwoNodes_TriggersAtTheLimit()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            Nodes(s, 2);
            s.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Replicas(3).MaxReplicasPerNode(2).Constraint("node.labels.type == service");
        });

        var finding = RuleStack.Single(findings, "", "MaxReplicasPerNode", "base");
        Assert.Equal(
            "service 'etcd' runs 3 Raft members in the base stack with max_replicas_per_node 2 on 2 eligible node(s) (iklim-app-01, iklim-app-02): one node can hold 2 of them, and losing iklim-app-01 leaves 1 of 3, below the majority of 2. Make 3 nodes eligible and use .MaxReplicasPerNode(1).",
            finding.Message);
    }

    [Fact]
    public void ThreeMembersWithoutLimitOnTwoNodes_TriggersAtReplicas()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            Nodes(s, 2);
            s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(3);
        });

        var finding = RuleStack.Single(findings, "", "Replicas", "base");
        Assert.Contains("with no max_replicas_per_node on 2 eligible node(s)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeSentinelsOnePerNodeButOnlyTwoEligible_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            Nodes(s, 3);
            s.Service("redis-sentinel").Image("bitnami/redis-sentinel:7.4.2").Environment("REDIS_SENTINEL_QUORUM", "2")
                .Replicas(3).MaxReplicasPerNode(1).Constraint("node.hostname != iklim-app-03");
        });

        var finding = RuleStack.Single(findings, "", "MaxReplicasPerNode", "base");
        Assert.Contains("losing iklim-app-01 leaves 1 of 3", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("Make 3 nodes eligible and use .MaxReplicasPerNode(1).", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiveMembersAtMostThreePerNodeOnThreeNodes_IsFine()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                Nodes(s, 3);
                s.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(3).MaxReplicasPerNode(1);
            },
            prod => prod.Service("rabbitmq").Replicas(5).MaxReplicasPerNode(3));

        // Swarm spreads 5 on 3 nodes as 2, 2 and 1: losing a node that holds 2 leaves 3 of 5, still a majority.
        Assert.Empty(findings);
    }

    [Fact]
    public void ProfileThatNarrowsTheNodes_TriggersInTheProfile()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                Nodes(s, 3);
                s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(3).MaxReplicasPerNode(2);
            },
            prod => prod.Service("vault").Constraint("node.hostname != iklim-app-03"));

        var finding = RuleStack.Single(findings, "prod", "Constraint:node.hostname != iklim-app-03", "prod");
        Assert.Contains("in profile 'prod'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnePerNodeOnThreeNodes_IsFine() =>
        Assert.Empty(RuleStack.Findings(Id, s =>
        {
            Nodes(s, 3);
            s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(3).MaxReplicasPerNode(1);
            s.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Replicas(3);
        }));

    [Fact]
    public void TwoMembers_AreIks0106sFinding() =>
        Assert.Empty(RuleStack.Findings(Id, s =>
        {
            Nodes(s, 1);
            s.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Replicas(2);
        }));

    [Fact]
    public void NotAQuorumCluster_IsNotJudged() =>
        Assert.Empty(RuleStack.Findings(Id, s =>
        {
            Nodes(s, 1);
            s.Service("api").Image("api:1.0").Replicas(3);
        }));

    [Fact]
    public void WithoutInventory_Silent() =>
        Assert.Empty(RuleStack.Findings(Id, s => s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(3).MaxReplicasPerNode(3)));
}
