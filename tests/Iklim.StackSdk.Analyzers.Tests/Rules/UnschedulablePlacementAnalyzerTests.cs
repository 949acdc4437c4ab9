using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0104: placement that the declared node inventory cannot satisfy.</summary>
public sealed class UnschedulablePlacementAnalyzerTests
{
    [Fact]
    public Task ConstraintNoNodeSatisfies_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Service("db").Image("postgres:16.4").{|#0:Constraint("node.labels.type == db")|};
            }
        }
        """,
        Verify.Diagnostic("IKS0104").WithLocation(0)
            .WithMessage("service 'db' cannot be scheduled in the base stack: no node of the inventory (iklim-app-01) satisfies node.labels.type == db. Fix the constraint or declare the node with .Node(...).Label(...)."));

    [Fact]
    public Task MoreReplicasThanSlots_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Service("api").Image("iklim/api:1.0.0").MaxReplicasPerNode(1).{|IKS0104:Replicas(3)|};
            }
        }
        """);

    [Fact]
    public Task ProfileConstraintNoNodeSatisfies_TriggersAtProfileCall() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Service("api").Image("iklim/api:1.0.0").Constraint("node.labels.type == service");
                stack.Profile("prod", prod => prod.Service("api").{|#0:Constraint("node.labels.zone == eu")|});
            }
        }
        """,
        Verify.Diagnostic("IKS0104").WithLocation(0)
            .WithMessage("service 'api' cannot be scheduled in profile 'prod': no node of the inventory (iklim-app-01) satisfies node.labels.zone == eu. Fix the constraint or declare the node with .Node(...).Label(...)."));

    [Fact]
    public Task ProfileScalesBeyondSlots_TriggersAtProfileReplicas() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Node("iklim-app-02");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(2).MaxReplicasPerNode(1);
                stack.Profile("prod", prod => prod.Service("api").{|#0:Replicas(4)|});
            }
        }
        """,
        Verify.Diagnostic("IKS0104").WithLocation(0)
            .WithMessage("service 'api' runs 4 replicas in profile 'prod' with max_replicas_per_node 1, but only 2 node(s) of the inventory are eligible (iklim-app-01, iklim-app-02): 2 replica(s) stay pending. Lower the replicas, raise the limit, or declare more nodes."));

    [Fact]
    public Task NoInventory_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("db").Image("postgres:16.4").Constraint("node.labels.type == db").MaxReplicasPerNode(1).Replicas(1);
                stack.Service("api").Image("iklim/api:1.0.0").MaxReplicasPerNode(1).Replicas(5);
            }
        }
        """);

    [Fact]
    public Task UnknowableConstraint_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Service("api").Image("iklim/api:1.0.0").Constraint("engine.labels.zone == b").Constraint("node.platform.os == linux");
            }
        }
        """);

    [Fact]
    public Task EnoughEligibleNodes_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Node("iklim-app-02").Label("type", "service");
                stack.Node("iklim-app-03").Label("type", "db");
                stack.Service("api").Image("iklim/api:1.0.0").Constraint("node.labels.type == service").MaxReplicasPerNode(2).Replicas(4);
            }
        }
        """);

    [Fact]
    public Task ProfileDeclaresMoreNodes_DoesNotTriggerForProfile() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").MaxReplicasPerNode(1).{|#0:Replicas(3)|};
                stack.Profile("prod", prod =>
                {
                    prod.Node("iklim-app-02");
                    prod.Node("iklim-app-03");
                });
            }
        }
        """,
        Verify.Diagnostic("IKS0104").WithLocation(0)
            .WithMessage("service 'api' runs 3 replicas in the base stack with max_replicas_per_node 1, but only 1 node(s) of the inventory are eligible (iklim-app-01): 2 replica(s) stay pending. Lower the replicas, raise the limit, or declare more nodes."));
}
