using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0105: a start-first update or rollback that finds no free slot.</summary>
public sealed class StartFirstWithoutFreeSlotAnalyzerTests
{
    [Fact]
    public Task StartFirstUpdateWithFullSlots_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1).{|#0:UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst)|};
            }
        }
        """,
        Verify.Diagnostic("IKS0105").WithLocation(0)
            .WithMessage("service 'api' updates start-first in the base stack, but its 1 replicas with max_replicas_per_node 1 fill all 1 slot(s) of its 1 eligible node(s): the new task finds no free slot and the rolling update hangs. Use order: UpdateOrder.StopFirst."));

    [Fact]
    public Task StartFirstRollbackWithFullSlots_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Node("iklim-app-02");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(2).MaxReplicasPerNode(1).{|IKS0105:RollbackConfig(order: UpdateOrder.StartFirst)|};
            }
        }
        """);

    [Fact]
    public Task ProfileSetsStartFirst_TriggersAtProfileCall() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Node("iklim-app-02");
                stack.Node("iklim-app-03");
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(3).MaxReplicasPerNode(1);
                stack.Profile("prod", prod => prod.Service("rabbitmq").{|#0:UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst)|});
            }
        }
        """,
        Verify.Diagnostic("IKS0105").WithLocation(0)
            .WithMessage("service 'rabbitmq' updates start-first in profile 'prod', but its 3 replicas with max_replicas_per_node 1 fill all 3 slot(s) of its 3 eligible node(s): the new task finds no free slot and the rolling update hangs. Use order: UpdateOrder.StopFirst."));

    [Fact]
    public Task ProfileFillsTheFreeSlot_TriggersAtProfileReplicas() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Node("iklim-app-02");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1).UpdateConfig(order: UpdateOrder.StartFirst);
                stack.Profile("prod", prod => prod.Service("api").{|IKS0105:Replicas(2)|});
            }
        }
        """);

    [Fact]
    public Task StopFirst_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1).UpdateConfig(order: UpdateOrder.StopFirst).RollbackConfig(order: UpdateOrder.StopFirst);
            }
        }
        """);

    [Fact]
    public Task FreeSlotLeft_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Node("iklim-app-02");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1).UpdateConfig(order: UpdateOrder.StartFirst);
                stack.Service("web").Image("nginx:1.27.2-alpine").Replicas(2).UpdateConfig(order: UpdateOrder.StartFirst);
            }
        }
        """);

    [Fact]
    public Task NoInventory_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(3).MaxReplicasPerNode(1).UpdateConfig(order: UpdateOrder.StartFirst);
            }
        }
        """);

    [Fact]
    public Task ProfileSwitchesToStopFirst_DoesNotTriggerForProfile() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1).{|#0:UpdateConfig(order: UpdateOrder.StartFirst)|};
                stack.Profile("prod", prod => prod.Service("api").UpdateConfig(order: UpdateOrder.StopFirst));
            }
        }
        """,
        Verify.Diagnostic("IKS0105").WithLocation(0)
            .WithMessage("service 'api' updates start-first in the base stack, but its 1 replicas with max_replicas_per_node 1 fill all 1 slot(s) of its 1 eligible node(s): the new task finds no free slot and the rolling update hangs. Use order: UpdateOrder.StopFirst."));
}
