using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0103: a pinned or Singleton() service that runs more than one task, or is pinned to two nodes.</summary>
public sealed class DuplicatePinnedSingletonModelTests
{
    private const string Id = "IKS0103";

    [Fact]
    public void PinnedWithTwoReplicas_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("swag").Image("swag:3.1.0").PinToNode("iklim-app-01").Replicas(2));

        var finding = RuleStack.Single(findings, "", "Replicas", "base");
        Assert.Equal(
            "service 'swag' is pinned to node 'iklim-app-01' (node.hostname == iklim-app-01) but runs 2 replicas in the base stack: the singleton runs more than once. Use 1 replica.",
            finding.Message);
    }

    [Fact]
    public void PinnedByNodeIdWithThreeReplicas_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("cron").Image("cron:1.0.0").Constraint("node.id == 2ivku8v2gvtg").Replicas(3));

        RuleStack.Single(findings, "", "Replicas", "base");
    }

    [Fact]
    public void SingletonWithReplicas_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("cert-reloader").Image("docker:27.3.1-cli").Singleton().Replicas(3));

        Assert.Contains("is marked Singleton() but runs 3 replicas", RuleStack.Single(findings, "", "Replicas", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GlobalSingleton_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a");
            s.Node("b");
            s.Service("cron").Image("cron:1.0.0").Singleton().Global();
        });

        Assert.Contains("one task on each of 2 nodes", RuleStack.Single(findings, "", "Global", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlayPinOnTopOfABasePin_TriggersAtTheProfilesPin()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("redis").Image("redis:7.4.2").PinToNode("iklim-app-01"),
            prod => prod.Service("redis").PinToNode("iklim-app-02"));

        var finding = RuleStack.Single(findings, "prod", "Constraint:node.hostname == iklim-app-02", "prod");
        Assert.StartsWith(
            "service 'redis' is pinned to two different nodes in profile 'prod' (node.hostname == iklim-app-01 and node.hostname == iklim-app-02): Docker appends",
            finding.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileScalesAPinnedService_TriggersAtTheProfilesReplicas()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("swag").Image("swag:3.1.0").PinToNode("iklim-app-01").Replicas(1),
            prod => prod.Service("swag").Replicas(2));

        RuleStack.Single(findings, "prod", "Replicas", "prod");
    }

    [Fact]
    public void PinnedSingleReplica_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("swag").Image("swag:3.1.0").PinToNode("iklim-app-01").Singleton().Replicas(1));

        Assert.Empty(findings);
    }

    [Fact]
    public void PinnedGlobal_DoesNotTrigger()
    {
        // A global service pinned to one host runs exactly one task, there.
        var findings = RuleStack.Findings(Id, s => s.Service("agent").Image("agent:1.0.0").PinToNode("iklim-app-01").Singleton().Global());

        Assert.Empty(findings);
    }

    [Fact]
    public void LabelConstraintWithReplicas_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("web").Image("nginx:1.27.2-alpine").Constraint("node.labels.type == service").Constraint("node.hostname != iklim-app-01").Replicas(3));

        Assert.Empty(findings);
    }

    [Fact]
    public void SamePinInBaseAndProfile_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("swag").Image("swag:3.1.0").PinToNode("iklim-app-01"),
            prod => prod.Service("swag").PinToNode("iklim-app-01").Replicas(1));

        Assert.Empty(findings);
    }

    [Fact]
    public void BaseProblemFixedByTheProfile_IsReportedOnlyForTheBase()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("swag").Image("swag:3.1.0").PinToNode("iklim-app-01").Replicas(2),
            prod => prod.Service("swag").Replicas(1));

        RuleStack.Single(findings, "", "Replicas", "base");
    }

    [Fact]
    public void GlobalSingletonOnOneEligibleNode_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a").Label("type", "edge");
            s.Node("b");
            s.Service("edge").Image("edge:1.0.0").Singleton().Global().Constraint("node.labels.type == edge");
        });

        Assert.Empty(findings);
    }
}
