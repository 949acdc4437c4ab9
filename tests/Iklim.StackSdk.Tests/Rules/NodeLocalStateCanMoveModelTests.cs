using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0111: data on a node-local volume of a service that can move to another node of the inventory.</summary>
public sealed class NodeLocalStateCanMoveModelTests
{
    private const string Id = "IKS0111";

    // The voting app's db: postgres on the named volume db-data, constrained to managers only.
    [Fact]
    public void SingleReplicaOnAnyOfTwoManagers_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("m1").Role(NodeRole.Manager);
            s.Node("m2").Role(NodeRole.Manager);
            s.Node("w1");
            s.Volume("db-data");
            s.Service("db").Image("postgres:16.4").Volume("db-data", "/var/lib/postgresql/data").Constraint("node.role == manager");
        });

        var finding = RuleStack.Single(findings, "", "Volume:/var/lib/postgresql/data", "base");
        Assert.Equal(
            "service 'db' keeps its data in the volume 'db-data' at /var/lib/postgresql/data on the node it runs on, but its 1 task(s) can run on 2 nodes of the inventory in the base stack (m1, m2): when Swarm reschedules a task to another node it starts on that node's empty volume. Pin it with .PinToNode(\"m1\"), or keep the data on shared storage.",
            finding.Message);
    }

    // swarmprom's grafana: the named volume grafana, one replica, node.role == manager.
    [Fact]
    public void ImageNotKnownAsStateful_TriggersOnItsWritableVolume()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("m1").Role(NodeRole.Manager);
            s.Node("m2").Role(NodeRole.Manager);
            s.Volume("grafana");
            s.Service("grafana").Image("grafana/grafana:11.3.1").Volume("grafana", "/var/lib/grafana").Replicas(1).Constraint("node.role == manager");
        });

        RuleStack.Single(findings, "", "Volume:/var/lib/grafana", "base");
    }

    [Fact]
    public void BindMountWithoutConstraints_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a");
            s.Node("b");
            s.Service("app").Image("app:1.0.0").Bind("/opt/app/data", "/data");
        });

        Assert.Contains("the host path /opt/app/data", RuleStack.Single(findings, "", "Volume:/data", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreEligibleNodesThanReplicas_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a");
            s.Node("b");
            s.Node("c");
            s.Volume("data");
            s.Service("mq").Image("rabbitmq:3.13.7-management").Volume("data", "/var/lib/rabbitmq").Replicas(2).MaxReplicasPerNode(1);
        });

        Assert.Contains("its 2 task(s) can run on 3 nodes", RuleStack.Single(findings, "", "Volume:/var/lib/rabbitmq", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileAddsNodes_TriggersInTheProfileAtTheBasesVolume()
    {
        // The seed's shape: one node in test, three in prod, the constraint unchanged.
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                s.Node("iklim-app-01").Label("type", "service");
                s.Volume("etcd-vl");
                s.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Volume("etcd-vl", "/etcd-data").Replicas(1).Constraint("node.labels.type == service");
            },
            prod =>
            {
                prod.Node("iklim-app-02").Label("type", "service");
                prod.Node("iklim-app-03").Label("type", "service");
            });

        Assert.Contains("in profile 'prod' (iklim-app-01, iklim-app-02, iklim-app-03)", RuleStack.Single(findings, "prod", "Volume:/etcd-data", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PinnedOrOneTaskPerEligibleNode_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a").Label("type", "service");
            s.Node("b").Label("type", "service");
            s.Node("c").Label("type", "service");
            s.Volume("data");
            s.Service("pinned").Image("postgres:16.4").Volume("data", "/var/lib/postgresql/data").PinToNode("a");
            s.Service("labelled").Image("postgres:16.4").Volume("data", "/d").Constraint("node.labels.disk == db");
            s.Service("cluster").Image("rabbitmq:3.13.7-management").Volume("data", "/var/lib/rabbitmq").Replicas(3).MaxReplicasPerNode(1).Constraint("node.labels.type == service");
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void GlobalService_DoesNotTrigger()
    {
        // One task per node, each on its own node's volume: a global task never moves.
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a");
            s.Node("b");
            s.Volume("agent-data");
            s.Service("agent").Image("portainer/agent:2.21.4").Volume("agent-data", "/data").Global();
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void SharedOrUnknownStorage_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a");
            s.Node("b");
            s.Volume("nfs-data").DriverOption("type", "nfs").DriverOption("o", "addr=storagebox,rw").DriverOption("device", ":/export/data");
            s.Volume("plugin-data").Driver("rexray/ebs");
            s.Volume("made-elsewhere").External();
            s.Volume("prometheus-vl");
            s.Service("on-nfs").Image("postgres:16.4").Volume("nfs-data", "/var/lib/postgresql/data");
            s.Service("on-plugin").Image("postgres:16.4").Volume("plugin-data", "/var/lib/postgresql/data");
            s.Service("on-external").Image("postgres:16.4").Volume("made-elsewhere", "/var/lib/postgresql/data");
            s.Service("deploy-chosen").Image("prom/prometheus:v2.55.1").Volume(Env.Var("PROMETHEUS_DATA_DIR", "prometheus-vl"), "/prometheus");
            s.Service("read-only").Image("nginx:1.27.2-alpine").Bind("/srv/www", "/usr/share/nginx/html", readOnly: true);
            s.Service("socket").Image("docker:27.3.1-cli").Bind("/var/run/docker.sock", "/var/run/docker.sock");
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void NoInventory_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Volume("db-data");
            s.Service("db").Image("postgres:16.4").Volume("db-data", "/var/lib/postgresql/data");
        });

        Assert.Empty(findings);
    }
}
