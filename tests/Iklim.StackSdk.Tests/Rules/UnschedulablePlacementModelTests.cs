using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0104: constraints that match no node of the inventory, or more replicas than eligible slots.</summary>
public sealed class UnschedulablePlacementModelTests
{
    private const string Id = "IKS0104";

    private static void AppNodes(IStackBuilder s)
    {
        s.Node("iklim-app-01").Label("type", "service").Role(NodeRole.Manager);
        s.Node("iklim-app-02").Label("type", "service");
        s.Node("iklim-app-03").Label("type", "service");
    }

    [Fact]
    public void LabelNoNodeHas_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            AppNodes(s);
            s.Service("db").Image("postgres:16.4").Constraint("node.labels.type == db");
        });

        var finding = RuleStack.Single(findings, "", "Constraint:node.labels.type == db", "base");
        Assert.Equal(
            "service 'db' cannot be scheduled in the base stack: no node of the inventory (iklim-app-01, iklim-app-02, iklim-app-03) satisfies node.labels.type == db. Fix the constraint or declare the node with .Node(...).Label(...).",
            finding.Message);
    }

    [Fact]
    public void RoleNoNodeHas_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("worker-1");
            s.Service("viz").Image("viz:1.0.0").Constraint("node.role == manager");
        });

        RuleStack.Single(findings, "", "Constraint:node.role == manager", "base");
    }

    [Fact]
    public void ConstraintsThatExcludeEachOther_TriggerAtTheLatest()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a").Label("type", "service");
            s.Node("b").Label("type", "db");
            s.Service("app").Image("app:1.0.0").Constraint("node.labels.type == service").Constraint("node.hostname == b");
        });

        var finding = RuleStack.Single(findings, "", "Constraint:node.hostname == b", "base");
        Assert.Contains("satisfies all of node.labels.type == service, node.hostname == b", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreReplicasThanSlots_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            AppNodes(s);
            s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(4).MaxReplicasPerNode(1).Constraint("node.labels.type == service");
        });

        var finding = RuleStack.Single(findings, "", "Replicas", "base");
        Assert.Equal(
            "service 'vault' runs 4 replicas in the base stack with max_replicas_per_node 1, but only 3 node(s) of the inventory are eligible (iklim-app-01, iklim-app-02, iklim-app-03): 1 replica(s) stay pending. Lower the replicas, raise the limit, or declare more nodes.",
            finding.Message);
    }

    [Fact]
    public void ProfileInventoryWithoutTheLabel_TriggersForTheProfileAtTheBasesConstraint()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("app").Image("app:1.0.0").Constraint("node.labels.type == service"),
            prod => prod.Node("iklim-app-02").Label("type", "db"));

        RuleStack.Single(findings, "prod", "Constraint:node.labels.type == service", "base");
    }

    [Fact]
    public void ProfileScalesBeyondItsNodes_TriggersAtTheProfilesReplicas()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                AppNodes(s);
                s.Service("apisix").Image("apache/apisix:3.11.0-debian").Replicas(3).MaxReplicasPerNode(1);
            },
            prod => prod.Service("apisix").Replicas(5));

        Assert.Contains("2 replica(s) stay pending", RuleStack.Single(findings, "prod", "Replicas", "prod").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoInventory_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("db").Image("postgres:16.4").Constraint("node.labels.type == db").Replicas(9).MaxReplicasPerNode(1));

        Assert.Empty(findings);
    }

    [Fact]
    public void KeysTheInventoryCannotKnow_DoNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            AppNodes(s);
            s.Service("a").Image("app:1.0.0").Constraint("node.id == 2ivku8v2gvtg");
            s.Service("b").Image("app:1.0.0").Constraint("engine.labels.ssd == true");
            s.Service("c").Image("app:1.0.0").Constraint("node.platform.os == linux");
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void NotEqualOnAMissingLabelAndEnoughSlots_DoNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            AppNodes(s);
            s.Service("app").Image("app:1.0.0").Constraint("node.labels.gpu != true").Constraint("node.role != manager").Replicas(2).MaxReplicasPerNode(1);
            s.Service("web").Image("nginx:1.27.2-alpine").Constraint("node.labels.type == SERVICE").Replicas(6).MaxReplicasPerNode(2);
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void BaseProblemFixedByTheProfilesNodes_IsReportedOnlyForTheBase()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                s.Node("iklim-app-01").Label("type", "service");
                s.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(3).MaxReplicasPerNode(1).Constraint("node.labels.type == service");
            },
            prod =>
            {
                prod.Node("iklim-app-02").Label("type", "service");
                prod.Node("iklim-app-03").Label("type", "service");
            });

        RuleStack.Single(findings, "", "Replicas", "base");
    }

    [Fact]
    public void DisabledServiceOrTwoPins_DoNotTrigger()
    {
        // Two different pins are IKS0103's finding.
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                AppNodes(s);
                s.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Constraint("node.labels.type == db");
                s.Service("redis").Image("redis:7.4.2").PinToNode("iklim-app-01");
            },
            prod =>
            {
                prod.Service("etcd").Disable();
                prod.Service("redis").PinToNode("iklim-app-02");
            });

        RuleStack.Single(findings, "", "Constraint:node.labels.type == db", "base");
    }
}
