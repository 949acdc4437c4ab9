using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0111: node-local data of a service that can move, reported at its Volume call.</summary>
public sealed class NodeLocalStateCanMoveAnalyzerTests
{
    [Fact]
    public Task SingleReplicaOnTwoManagers_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("voting")]
        public sealed class VotingStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("m1").Role(NodeRole.Manager);
                stack.Node("m2").Role(NodeRole.Manager);
                stack.Volume("db-data");
                stack.Service("db").Image("postgres:16.4")
                    .{|#0:Volume("db-data", "/var/lib/postgresql/data")|}
                    .Constraint("node.role == manager");
            }
        }
        """,
        Verify.Diagnostic("IKS0111").WithLocation(0)
            .WithMessage("service 'db' keeps its data in the volume 'db-data' at /var/lib/postgresql/data on the node it runs on, but its 1 task(s) can run on 2 nodes of the inventory in the base stack (m1, m2): when Swarm reschedules a task to another node it starts on that node's empty volume. Pin it with .PinToNode(\"m1\"), or keep the data on shared storage."));

    [Fact]
    public Task ProfileAddsNodes_TriggersInTheProfileAtTheBasesVolume() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Volume("grafana-vl");
                stack.Service("grafana").Image("grafana/grafana:11.3.1")
                    .{|IKS0111:Volume("grafana-vl", "/var/lib/grafana")|}
                    .Constraint("node.labels.type == service");
                stack.Profile("prod", prod => prod.Node("iklim-app-02").Label("type", "service"));
            }
        }
        """);

    [Fact]
    public Task PinnedGlobalOrSharedStorage_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("a");
                stack.Node("b");
                stack.Volume("data");
                stack.Volume("nfs-data").DriverOption("type", "nfs").DriverOption("o", "addr=storagebox,rw").DriverOption("device", ":/export/data");
                stack.Service("db").Image("postgres:16.4").Volume("data", "/var/lib/postgresql/data").PinToNode("a");
                stack.Service("agent").Image("portainer/agent:2.21.4").Volume("data", "/data").Global();
                stack.Service("shared").Image("postgres:16.4").Volume("nfs-data", "/var/lib/postgresql/data");
            }
        }
        """);
}
