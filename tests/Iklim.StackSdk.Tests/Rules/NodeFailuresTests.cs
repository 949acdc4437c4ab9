using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>The failure model on hand-made inventories: what the loss of each single node does to each service.</summary>
public sealed class NodeFailuresTests
{
    private static StackScope Scope(Action<IStackBuilder> configure)
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Network("net");
        configure(stack);
        var result = stack.Build();
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Error);
        return result.Model.Base;
    }

    private static void ThreeNodes(IStackBuilder s, int managers = 3)
    {
        for (var i = 1; i <= 3; i++)
        {
            s.Node($"n{i}").Label("type", "service").Role(i <= managers ? NodeRole.Manager : NodeRole.Worker);
        }
    }

    private static ServiceAfterFailure Row(StackScope scope, string node, string service) =>
        NodeFailures.Predict(scope, node).Services.Single(s => s.Service == service);

    [Fact]
    public void OnePerNode_LosesOneTaskThatCannotMove_AndRaftKeepsItsMajority()
    {
        var scope = Scope(s =>
        {
            ThreeNodes(s);
            s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(3).MaxReplicasPerNode(1);
        });

        foreach (var node in new[] { "n1", "n2", "n3" })
        {
            var row = Row(scope, node, "vault");
            Assert.Equal((2, 2, 3), (row.RunningMin, row.RunningMax, row.Wanted));
            Assert.Equal("Raft", row.Cluster);
            Assert.Equal(2, row.MembersLeftMin);
            Assert.True(row.MajorityKept);
            Assert.False(row.LostWithNode);
        }
    }

    [Fact]
    public void NoLimit_ReschedulesTheLostTaskOntoTheOthers()
    {
        var scope = Scope(s =>
        {
            ThreeNodes(s);
            s.Service("api").Image("api:1.0").Replicas(3);
        });

        var row = Row(scope, "n2", "api");
        Assert.Equal((3, 3, 3), (row.RunningMin, row.RunningMax, row.Wanted));
        Assert.Equal(2, row.MembersLeftMin);
        Assert.Null(row.MajorityKept);
    }

    [Fact]
    public void PinnedService_GoesDownWithItsNode_AndOnlyWithIt()
    {
        var scope = Scope(s =>
        {
            ThreeNodes(s);
            s.Service("swag").Image("swag:3.1.0").PinToNode("n1");
        });

        var lost = Row(scope, "n1", "swag");
        Assert.True(lost.LostWithNode);
        Assert.Equal((0, 0, 1), (lost.RunningMin, lost.RunningMax, lost.Wanted));
        var other = Row(scope, "n3", "swag");
        Assert.False(other.LostWithNode);
        Assert.Equal((1, 1), (other.RunningMin, other.RunningMax));
    }

    [Fact]
    public void ThreeMembersOnTwoEligibleNodes_LoseTheMajorityInTheWorstCase()
    {
        var scope = Scope(s =>
        {
            ThreeNodes(s);
            s.Node("db").Label("type", "db").Role(NodeRole.Manager);
            s.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Replicas(3).MaxReplicasPerNode(2).Constraint("node.hostname != n3").Constraint("node.labels.type == service");
        });

        // 3 tasks on n1 and n2: one holds 2, the other 1, and the deploy does not say which.
        Assert.Equal(new[] { new NodeTasks("n1", 1, 2), new NodeTasks("n2", 1, 2) }, Scheduling.PerNode(scope, scope.Service("etcd")!));
        var row = Row(scope, "n1", "etcd");
        Assert.Equal((1, 2), (row.MembersLeftMin, row.MembersLeftMax));
        Assert.False(row.MajorityKept);

        // Swarm reschedules onto n2, whose limit of 2 leaves one task pending.
        Assert.Equal((2, 2), (row.RunningMin, row.RunningMax));
        Assert.True(Row(scope, "n3", "etcd").MajorityKept);
    }

    [Fact]
    public void OnlyManagerLost_NothingReschedules_AndEachServiceKeepsWhatRanElsewhere()
    {
        var scope = Scope(s =>
        {
            ThreeNodes(s, managers: 1);
            s.Service("one").Image("one:1.0").Replicas(1);
            s.Service("spread").Image("spread:1.0").Replicas(3).MaxReplicasPerNode(1);
            s.Service("two").Image("two:1.0").Replicas(2).MaxReplicasPerNode(1);
        });

        var manager = NodeFailures.Predict(scope, "n1");
        Assert.False(manager.Reschedules);
        var one = manager.Services.Single(s => s.Service == "one");
        Assert.Equal((0, 1), (one.RunningMin, one.RunningMax));
        var spread = manager.Services.Single(s => s.Service == "spread");
        Assert.Equal((2, 2), (spread.RunningMin, spread.RunningMax));
        var two = manager.Services.Single(s => s.Service == "two");
        Assert.Equal((1, 2), (two.RunningMin, two.RunningMax));

        var worker = NodeFailures.Predict(scope, "n2");
        Assert.True(worker.Reschedules);
        Assert.Equal((1, 1), (worker.Services.Single(s => s.Service == "one").RunningMin, worker.Services.Single(s => s.Service == "one").RunningMax));
        Assert.Equal((2, 2), (worker.Services.Single(s => s.Service == "two").RunningMin, worker.Services.Single(s => s.Service == "two").RunningMax));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void ManagerLoss_ReschedulesOnlyWhenTheOtherManagersAreAMajority(int managers, bool reschedules) =>
        Assert.Equal(reschedules, NodeFailures.Predict(Scope(s => ThreeNodes(s, managers)), "n1").Reschedules);

    [Fact]
    public void GlobalService_WantsItsEligibleNodes_AndLosesTheOneOnTheLostNode()
    {
        var scope = Scope(s =>
        {
            ThreeNodes(s);
            s.Service("agent").Image("agent:1.0").Global();
        });

        var row = Row(scope, "n3", "agent");
        Assert.Equal((2, 2, 3), (row.RunningMin, row.RunningMax, row.Wanted));
    }

    [Fact]
    public void SentinelsByQuorumVariable_AreAQuorumCluster()
    {
        var scope = Scope(s =>
        {
            ThreeNodes(s);
            s.Service("sentinel").Image("bitnami/redis-sentinel:7.4.2").Environment("REDIS_SENTINEL_QUORUM", "2").Replicas(3);
        });

        var row = Row(scope, "n1", "sentinel");
        Assert.Equal("Redis Sentinel", row.Cluster);
        Assert.True(row.MajorityKept);
    }

    [Fact]
    public void UnknownNode_IsAnArgumentError() =>
        Assert.Throws<ArgumentException>(() => NodeFailures.Predict(Scope(s => ThreeNodes(s)), "n9"));

    [Fact]
    public void NoInventory_NoPrediction() =>
        Assert.Empty(NodeFailures.Predict(Scope(s => s.Service("a").Image("a:1.0"))));
}
