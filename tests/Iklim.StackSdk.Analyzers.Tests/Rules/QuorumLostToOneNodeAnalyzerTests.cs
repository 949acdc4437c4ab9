using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0114 at compile time: the warning lands on the call that set the placement.</summary>
public sealed class QuorumLostToOneNodeAnalyzerTests
{
    [Fact]
    public Task EtcdAtMostTwoPerNodeOnTwoNodes_TriggersAtMaxReplicasPerNode() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Node("iklim-app-02").Label("type", "service");
                stack.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Replicas(3).{|#0:MaxReplicasPerNode(2)|}
                    .Constraint("node.labels.type == service");
            }
        }
        """,
        Verify.Diagnostic("IKS0114").WithLocation(0)
            .WithMessage("service 'etcd' runs 3 Raft members in the base stack with max_replicas_per_node 2 on 2 eligible node(s) (iklim-app-01, iklim-app-02): one node can hold 2 of them, and losing iklim-app-01 leaves 1 of 3, below the majority of 2. Make 3 nodes eligible and use .MaxReplicasPerNode(1)."));

    [Fact]
    public Task ProfileThatExcludesANode_TriggersAtTheProfilesConstraint() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Node("iklim-app-02").Label("type", "service");
                stack.Node("iklim-app-03").Label("type", "service");
                stack.Service("vault").Image("hashicorp/vault:1.17.6").Replicas(3).MaxReplicasPerNode(2);
                stack.Profile("prod", prod => prod.Service("vault").{|#0:Constraint("node.hostname != iklim-app-03")|});
            }
        }
        """,
        Verify.Diagnostic("IKS0114").WithLocation(0)
            .WithMessage("service 'vault' runs 3 Raft members in profile 'prod' with max_replicas_per_node 2 on 2 eligible node(s) (iklim-app-01, iklim-app-02): one node can hold 2 of them, and losing iklim-app-01 leaves 1 of 3, below the majority of 2. Make 3 nodes eligible and use .MaxReplicasPerNode(1)."));

    [Fact]
    public Task OnePerNodeOnThreeNodes_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Node("iklim-app-02").Label("type", "service");
                stack.Node("iklim-app-03").Label("type", "service");
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(3).MaxReplicasPerNode(1);
            }
        }
        """);
}
