using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0103: a service that must run once runs more than once, or is pinned to two nodes.</summary>
public sealed class DuplicatePinnedSingletonAnalyzerTests
{
    [Fact]
    public Task PinnedServiceWithTwoReplicas_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").{|#0:Replicas(2)|};
            }
        }
        """,
        Verify.Diagnostic("IKS0103").WithLocation(0)
            .WithMessage("service 'swag' is pinned to node 'iklim-app-01' (node.hostname == iklim-app-01) but runs 2 replicas in the base stack: the singleton runs more than once. Use 1 replica."));

    [Fact]
    public Task ProfilePinsBasePinnedServiceElsewhere_TriggersAtProfilePin() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Profile("prod", prod => prod.Service("swag").{|#0:PinToNode("iklim-app-02")|});
            }
        }
        """,
        Verify.Diagnostic("IKS0103").WithLocation(0)
            .WithMessage("service 'swag' is pinned to two different nodes in profile 'prod' (node.hostname == iklim-app-01 and node.hostname == iklim-app-02): Docker appends an overlay's constraints to the base's and Swarm requires all of them, so no node can run it. Pin it in one place only."));

    [Fact]
    public Task GlobalSingleton_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("cert-reloader").Image("docker:27.3.1-cli").Singleton().{|IKS0103:Global()|};
            }
        }
        """);

    [Fact]
    public Task ProfileScalesSingleton_TriggersAtProfileReplicas() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("cert-reloader").Image("docker:27.3.1-cli").Singleton().Replicas(1);
                stack.Profile("prod", prod => prod.Service("cert-reloader").{|IKS0103:Replicas(3)|});
            }
        }
        """);

    [Fact]
    public Task HostnameConstraintWithReplicas_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("cron").Image("alpine:3.20.3").Constraint("node.hostname == iklim-app-01").{|IKS0103:Replicas(2)|};
            }
        }
        """);

    [Fact]
    public Task PinnedSingleReplica_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Singleton().Replicas(1);
                stack.Service("cron").Image("alpine:3.20.3").Constraint("node.hostname == iklim-app-01");
            }
        }
        """);

    [Fact]
    public Task GlobalPinnedToOneNode_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("agent").Image("portainer/agent:2.21.4").Global().PinToNode("iklim-app-01");
            }
        }
        """);

    [Fact]
    public Task PinnedInProfilesOnly_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("gateway").Image("nginx:1.27.2-alpine").Singleton().Replicas(1);
                stack.Profile("prod", prod => prod.Service("gateway").PinToNode("iklim-app-02"));
                stack.Profile("staging", staging => staging.Service("gateway").PinToNode("iklim-app-01"));
            }
        }
        """);

    [Fact]
    public Task ProfileScalesBaseSingletonDown_DoesNotTriggerForProfile() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("cron").Image("alpine:3.20.3").Singleton().{|#0:Replicas(2)|};
                stack.Profile("prod", prod => prod.Service("cron").Replicas(1));
            }
        }
        """,
        Verify.Diagnostic("IKS0103").WithLocation(0)
            .WithMessage("service 'cron' is marked Singleton() but runs 2 replicas in the base stack: the singleton runs more than once. Use 1 replica."));

    [Fact]
    public Task SameNodePinnedTwice_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Profile("prod", prod => prod.Service("swag").Constraint("node.hostname == iklim-app-01"));
            }
        }
        """);
}
