using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0106: majority clusters with an even member count, Sentinel quorums that are not a majority.</summary>
public sealed class QuorumNotMajorityModelTests
{
    private const string Id = "IKS0106";

    private static IServiceBuilder Sentinel(IStackBuilder s, int replicas, string quorum) =>
        s.Service("redis-sentinel").Image("bitnami/redis-sentinel:7.4.2").Environment("REDIS_SENTINEL_QUORUM", quorum).Replicas(replicas).MaxReplicasPerNode(1);

    [Fact]
    public void TwoVaultMembers_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(2).MaxReplicasPerNode(1));

        var finding = RuleStack.Single(findings, "", "Replicas", "base");
        Assert.Equal(
            "service 'vault' runs 2 Raft members in the base stack: an even count tolerates as few failures (0) as 1 members would, and a split into halves leaves no majority. Use 1 or 3 replicas.",
            finding.Message);
    }

    [Theory]
    [InlineData("rabbitmq:3.13.7-management", "RabbitMQ")]
    [InlineData("quay.io/coreos/etcd:v3.5.17", "Raft")]
    [InlineData("hashicorp/consul:1.19", "Raft")]
    [InlineData("zookeeper:3.9", "ZooKeeper")]
    public void FourMembers_Triggers(string image, string kind)
    {
        var findings = RuleStack.Findings(Id, s => s.Service("cluster").Image(image).Replicas(4).MaxReplicasPerNode(1));

        Assert.Contains($"runs 4 {kind} members", RuleStack.Single(findings, "", "Replicas", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SentinelQuorumBelowMajority_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => Sentinel(s, 3, "1"));

        var finding = RuleStack.Single(findings, "", "Environment:REDIS_SENTINEL_QUORUM", "base");
        Assert.Equal(
            "service 'redis-sentinel' sets REDIS_SENTINEL_QUORUM 1 in the base stack, which is not a majority of its 3 sentinels: a minority can declare the master down. Use 2 for 3 sentinels.",
            finding.Message);
    }

    [Fact]
    public void SentinelQuorumAboveTheSentinelCount_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => Sentinel(s, 3, "4"));

        Assert.Contains("is more than its 3 sentinels", RuleStack.Single(findings, "", "Environment:REDIS_SENTINEL_QUORUM", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvenSentinelCount_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => Sentinel(s, 4, "3"));

        Assert.Contains("runs 4 Redis Sentinel members", RuleStack.Single(findings, "", "Replicas", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileScalesToAnEvenCount_TriggersAtTheProfilesReplicas()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Replicas(1),
            prod => prod.Service("etcd").Replicas(2).MaxReplicasPerNode(1));

        Assert.Contains("in profile 'prod'", RuleStack.Single(findings, "prod", "Replicas", "prod").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileAddsSentinelsButKeepsTheQuorum_TriggersAtTheProfilesReplicas()
    {
        var findings = RuleStack.Findings(
            Id,
            s => Sentinel(s, 3, "2"),
            prod => prod.Service("redis-sentinel").Replicas(5));

        Assert.Contains("not a majority of its 5 sentinels", RuleStack.Single(findings, "prod", "Replicas", "prod").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OddMembersAndTheSeedsSentinels_DoNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(3).MaxReplicasPerNode(1);
            s.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(1);
            Sentinel(s, 3, "2");
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void RedisReplicasAndStatelessServices_DoNotTrigger()
    {
        // Redis replicas follow a master; they do not vote.
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Service("redis-replica").Image("bitnami/redis:7.4.2").Replicas(2).MaxReplicasPerNode(1);
            s.Service("apisix").Image("apache/apisix:3.11.0-debian").Replicas(2);
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void DeployTimeQuorumOrDisabledCluster_DoNotTrigger()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                Sentinel(s, 3, Env.Var("SENTINEL_QUORUM"));
                s.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Replicas(1);
            },
            prod => prod.Service("etcd").Disable());

        Assert.Empty(findings);
    }

    [Fact]
    public void BaseProblemFixedByTheProfile_IsReportedOnlyForTheBase()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(2).MaxReplicasPerNode(1),
            prod => prod.Service("vault").Replicas(3));

        RuleStack.Single(findings, "", "Replicas", "base");
    }
}
