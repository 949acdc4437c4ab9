using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>
/// IKS0005: declaring an element again continues it (helpers rely on that); only a later call that changes a value an
/// earlier call set in the same scope is reported, at that later call.
/// </summary>
public sealed class DuplicateDeclarationTests
{
    [Fact]
    public Task ServiceDeclaredTwice_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2");
                stack.Service("redis").Replicas(1);
                stack.Service("redis").Replicas(1);
            }
        }
        """);

    [Fact]
    public Task LaterCallChangesReplicas_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("web").Image("nginx:1.27").Replicas(1);
                stack.Service("web").{|#0:Replicas(2)|};
            }
        }
        """,
        Verify.Diagnostic("IKS0005").WithLocation(0)
            .WithMessage("service 'web': 'Replicas' was already set in the base stack by an earlier call, and this call changes it. Keep one call, or move the change into a profile."));

    [Fact]
    public Task NetworkDriverChangedInProfile_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Profile("prod", prod =>
                {
                    prod.Network("backend").Driver("overlay");
                    prod.Network("backend").{|IKS0005:Driver("bridge")|};
                });
            }
        }
        """);

    [Fact]
    public Task ProfileDeclaredTwice_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Profile("prod", prod => prod.Service("a"));
                stack.Profile("prod", prod => prod.Service("b"));
            }
        }
        """);

    [Fact]
    public Task SameServiceInBaseAndProfile_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var redis = stack.Service("redis").Image("redis:7.2");
                redis.Replicas(1);
                stack.Profile("prod", prod => prod.Service("redis").Replicas(2).MaxReplicasPerNode(1));
            }
        }
        """);
}
