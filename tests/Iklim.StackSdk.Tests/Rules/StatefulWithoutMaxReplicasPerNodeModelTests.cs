using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0101: replicated stateful service without max_replicas_per_node.</summary>
public sealed class StatefulWithoutMaxReplicasPerNodeModelTests
{
    private const string Id = "IKS0101";

    [Fact]
    public void StatefulMarker_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("db").Image("app:1.0.0").Stateful().Replicas(3));

        var finding = RuleStack.Single(findings, "", "Replicas", "base");
        Assert.Equal(
            "service 'db' runs 3 replicas in the base stack and is stateful (marked Stateful()), but has no max_replicas_per_node: two replicas can land on one node. Add .MaxReplicasPerNode(1).",
            finding.Message);
    }

    [Fact]
    public void WritableNamedVolume_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Volume("data");
            s.Service("app").Image("app:1.0.0").Volume("data", "/data").Replicas(2);
        });

        Assert.Contains("it mounts data at /data", RuleStack.Single(findings, "", "Replicas", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritableBindMount_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("app").Image("app:1.0.0").Bind("/opt/app/data", "/data").Replicas(2));

        Assert.Contains("it mounts /opt/app/data at /data", RuleStack.Single(findings, "", "Replicas", "base").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bitnami/redis:7.4.2")]
    [InlineData("rabbitmq:3.13.7-management")]
    [InlineData("quay.io/coreos/etcd:v3.5.17")]
    [InlineData("postgres:16.4")]
    [InlineData("bitnami/mongodb:7.0")]
    public void WellKnownStatefulImage_Triggers(string image)
    {
        var findings = RuleStack.Findings(Id, s => s.Service("server").Image(image).Replicas(2));

        Assert.Contains($"image '{image}' is a stateful server", RuleStack.Single(findings, "", "Replicas", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileScalesAFineBase_TriggersAtTheProfilesReplicas()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                s.Volume("rabbitmq-vl");
                s.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Volume("rabbitmq-vl", "/var/lib/rabbitmq").Replicas(1);
            },
            prod => prod.Service("rabbitmq").Replicas(3));

        var finding = RuleStack.Single(findings, "prod", "Replicas", "prod");
        Assert.StartsWith("service 'rabbitmq' runs 3 replicas in profile 'prod' and is stateful", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileAddsAVolumeToAScaledService_TriggersAtTheProfilesVolume()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("app").Image("app:1.0.0").Replicas(3),
            prod => prod.Service("app").Bind("/opt/app/data", "/data"));

        RuleStack.Single(findings, "prod", "Volume:/data", "prod");
    }

    [Fact]
    public void ProfileRaisesTheReplicasOfABaseProblem_TriggersForBoth()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("db").Image("app:1.0.0").Stateful().Replicas(2),
            prod => prod.Service("db").Replicas(3));

        Assert.Equal(new[] { ("", "base"), ("prod", "prod") }, findings.Select(f => (f.Where.Scope, (string)f.Origin!)));
    }

    [Fact]
    public void MaxReplicasPerNode_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("db").Image("redis:7.4.2").Stateful().Replicas(3).MaxReplicasPerNode(1));

        Assert.Empty(findings);
    }

    [Fact]
    public void ReadOnlyBindAndDockerSocket_DoNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("proxy").Image("nginx:1.27.2-alpine")
            .Bind("/mnt/storagebox/ssl", "/certs", readOnly: true)
            .Bind("/var/run/docker.sock", "/var/run/docker.sock")
            .Replicas(3));

        Assert.Empty(findings);
    }

    [Fact]
    public void SingleReplicaOrStatelessImage_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Service("redis").Image("redis:7.4.2").Stateful().Replicas(1);
            s.Service("web").Image("nginx:1.27.2-alpine").Replicas(3);
            s.Service("exporter").Image("oliver006/redis_exporter:v1.62.0").Replicas(3);
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void GlobalService_DoesNotTrigger()
    {
        // Swarm never runs two tasks of a global service on one node.
        var findings = RuleStack.Findings(Id, s => s.Service("agent").Image("consul:1.15.4").Stateful().Global());

        Assert.Empty(findings);
    }

    [Fact]
    public void BaseProblemFixedByTheProfile_IsReportedOnlyForTheBase()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("db").Image("app:1.0.0").Stateful().Replicas(3),
            prod => prod.Service("db").MaxReplicasPerNode(1));

        RuleStack.Single(findings, "", "Replicas", "base");
    }

    [Fact]
    public void BaseProblemUntouchedByTheProfile_IsReportedOnlyForTheBase()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("db").Image("app:1.0.0").Stateful().Replicas(3),
            prod => prod.Service("db").Environment("MODE", "prod").Replicas(3));

        RuleStack.Single(findings, "", "Replicas", "base");
    }
}
