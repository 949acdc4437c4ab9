using Iklim.StackSdk.CodeFixes.Fixes;
using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer, Iklim.StackSdk.CodeFixes.Fixes.StartFirstWithoutFreeSlotFixer>;

namespace Iklim.StackSdk.Analyzers.Tests.Fixes;

/// <summary>IKS0105 fix: order StartFirst becomes StopFirst in the flagged UpdateConfig/RollbackConfig.</summary>
public sealed class StartFirstWithoutFreeSlotFixerTests
{
    [Fact]
    public Task UpdateConfigStartFirst_BecomesStopFirst() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1).{|IKS0105:UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst)|};
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1).UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst);
            }
        }
        """,
        StartFirstWithoutFreeSlotFixer.UseStopFirstKey);

    [Fact]
    public Task RollbackConfigPositionalOrder_BecomesStopFirst() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1).{|IKS0105:RollbackConfig(1, "5s", Iklim.StackSdk.UpdateOrder.StartFirst)|};
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1).RollbackConfig(1, "5s", Iklim.StackSdk.UpdateOrder.StopFirst);
            }
        }
        """,
        StartFirstWithoutFreeSlotFixer.UseStopFirstKey);

    [Fact]
    public Task ProfileUpdateConfig_BecomesStopFirst() => Verify.VerifyCodeFixAsync(
        """
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
                stack.Profile("prod", prod => prod.Service("rabbitmq").{|IKS0105:UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst)|});
            }
        }
        """,
        """
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
                stack.Profile("prod", prod => prod.Service("rabbitmq").UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst));
            }
        }
        """,
        StartFirstWithoutFreeSlotFixer.UseStopFirstKey);

    [Fact]
    public Task FlaggedAtReplicas_NotOffered()
    {
        const string Source = """
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
        """;
        return Verify.VerifyCodeFixAsync(Source, Source, StartFirstWithoutFreeSlotFixer.UseStopFirstKey);
    }

    [Fact]
    public Task FixAll_FixesUpdatesAndRollbacksInTheDocument() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1)
                    .{|IKS0105:UpdateConfig(order: UpdateOrder.StartFirst)|}
                    .{|IKS0105:RollbackConfig(order: UpdateOrder.StartFirst)|};
                stack.Service("web").Image("nginx:1.27.2-alpine").Replicas(1).MaxReplicasPerNode(1).{|IKS0105:UpdateConfig(order: UpdateOrder.StartFirst)|};
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(1).MaxReplicasPerNode(1)
                    .UpdateConfig(order: UpdateOrder.StopFirst)
                    .RollbackConfig(order: UpdateOrder.StopFirst);
                stack.Service("web").Image("nginx:1.27.2-alpine").Replicas(1).MaxReplicasPerNode(1).UpdateConfig(order: UpdateOrder.StopFirst);
            }
        }
        """,
        StartFirstWithoutFreeSlotFixer.UseStopFirstKey);
}
