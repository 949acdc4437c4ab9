using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0005: the same service, resource or profile declared twice in one scope.</summary>
public sealed class DuplicateDeclarationAnalyzerTests
{
    [Fact]
    public Task ServiceDeclaredTwice_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5");
                stack.{|#0:Service("redis")|}.Replicas(1);
            }
        }
        """,
        Verify.Diagnostic("IKS0005").WithLocation(0)
            .WithMessage("service 'redis' is declared twice in the base stack; the second declaration continues the first. Keep the builder from the first call instead."));

    [Fact]
    public Task NetworkDeclaredTwiceInProfile_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Profile("prod", prod =>
                {
                    prod.Network("backend");
                    prod.{|IKS0005:Network("backend")|}.External();
                });
            }
        }
        """);

    [Fact]
    public Task ProfileDeclaredTwice_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Profile("prod", prod => prod.Service("a"));
                stack.{|IKS0005:Profile("prod", prod => prod.Service("b"))|};
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
                var redis = stack.Service("redis").Image("redis:7.2.5");
                redis.Replicas(1);
                stack.Profile("prod", prod => prod.Service("redis").Replicas(2).MaxReplicasPerNode(1));
            }
        }
        """);
}
