using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0105: start-first where max_replicas_per_node leaves no free slot.</summary>
public sealed class StartFirstWithoutFreeSlotModelTests
{
    private const string Id = "IKS0105";

    private static void AppNodes(IStackBuilder s)
    {
        s.Node("iklim-app-01").Label("type", "service");
        s.Node("iklim-app-02").Label("type", "service");
        s.Node("iklim-app-03").Label("type", "service");
    }

    private static IServiceBuilder RabbitMq(IStackBuilder s, int replicas) =>
        s.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(replicas).MaxReplicasPerNode(1).Constraint("node.labels.type == service");

    [Fact]
    public void EverySlotTaken_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            AppNodes(s);
            RabbitMq(s, 3).UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst);
        });

        var finding = RuleStack.Single(findings, "", "UpdateConfig", "base");
        Assert.Equal(
            "service 'rabbitmq' updates start-first in the base stack, but its 3 replicas with max_replicas_per_node 1 fill all 3 slot(s) of its 3 eligible node(s): the new task finds no free slot and the rolling update hangs. Use order: UpdateOrder.StopFirst.",
            finding.Message);
    }

    [Fact]
    public void StartFirstRollback_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            AppNodes(s);
            RabbitMq(s, 3).RollbackConfig(order: UpdateOrder.StartFirst);
        });

        Assert.Contains("rolls back start-first", RuleStack.Single(findings, "", "RollbackConfig", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileSwitchesToStartFirst_TriggersAtTheProfilesUpdateConfig()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                AppNodes(s);
                RabbitMq(s, 3).UpdateConfig(order: UpdateOrder.StopFirst);
            },
            prod => prod.Service("rabbitmq").UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst));

        RuleStack.Single(findings, "prod", "UpdateConfig", "prod");
    }

    [Fact]
    public void ProfileFillsTheLastSlot_TriggersAtTheProfilesReplicas()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                AppNodes(s);
                RabbitMq(s, 2).UpdateConfig(order: UpdateOrder.StartFirst);
            },
            prod => prod.Service("rabbitmq").Replicas(3));

        RuleStack.Single(findings, "prod", "Replicas", "prod");
    }

    [Fact]
    public void StopFirst_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            AppNodes(s);
            RabbitMq(s, 3).UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst);
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void AFreeSlot_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            AppNodes(s);
            RabbitMq(s, 2).UpdateConfig(order: UpdateOrder.StartFirst);
            s.Service("web").Image("nginx:1.27.2-alpine").Replicas(5).MaxReplicasPerNode(2).UpdateConfig(order: UpdateOrder.StartFirst);
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void NoInventory_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(3).MaxReplicasPerNode(1).UpdateConfig(order: UpdateOrder.StartFirst));

        Assert.Empty(findings);
    }

    [Fact]
    public void NoPerNodeLimit_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            AppNodes(s);
            s.Service("web").Image("nginx:1.27.2-alpine").Replicas(3).UpdateConfig(order: UpdateOrder.StartFirst);
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void BaseProblemFixedByTheProfile_IsReportedOnlyForTheBase()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                AppNodes(s);
                RabbitMq(s, 3).UpdateConfig(order: UpdateOrder.StartFirst);
            },
            prod => prod.Service("rabbitmq").UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst));

        RuleStack.Single(findings, "", "UpdateConfig", "base");
    }
}
