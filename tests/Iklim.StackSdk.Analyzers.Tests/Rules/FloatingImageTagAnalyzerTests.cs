using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0110: a floating image tag, reported at the Image call that set it.</summary>
public sealed class FloatingImageTagAnalyzerTests
{
    [Fact]
    public Task ChannelAndPartialVersion_Trigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("voting")]
        public sealed class VotingStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").{|#0:Image("redis:alpine")|};
                stack.Service("db").{|IKS0110:Image("postgres:9.4")|};
            }
        }
        """,
        Verify.Diagnostic("IKS0110").WithLocation(0)
            .WithMessage("service 'redis' image 'redis:alpine' uses the floating tag 'alpine' in the base stack: a tag without a version names a release channel that the publisher moves, so nodes can pull different builds and a redeploy upgrades silently. Pin the full version (major.minor.patch), a digest (@sha256:...), or ${TAG}."));

    [Fact]
    public Task ProfileSwitchesToAFloatingTag_TriggersAtTheProfilesImage() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management");
                stack.Profile("prod", prod => prod.Service("rabbitmq").{|IKS0110:Image("rabbitmq:3-management")|});
            }
        }
        """);

    [Fact]
    public Task FullVersionDigestOrDeployTimeTag_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5-alpine");
                stack.Service("db").Image("postgres:16.4");
                stack.Service("api").Image("ghcr.io/iklimco/api:edge@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                stack.Service("web").Image($"ghcr.io/iklimco/web:{Env.Var("WEB_TAG")}");
                stack.Service("agent").Image("portainer/agent:2.21.4").Global();
            }
        }
        """);
}
