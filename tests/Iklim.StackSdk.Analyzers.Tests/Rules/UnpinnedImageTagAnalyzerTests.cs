using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0107: an image without a tag or with latest.</summary>
public sealed class UnpinnedImageTagAnalyzerTests
{
    [Fact]
    public Task ImageWithoutTag_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("web").{|#0:Image("nginx")|};
            }
        }
        """,
        Verify.Diagnostic("IKS0107").WithLocation(0)
            .WithMessage("service 'web' image 'nginx' has no tag, so it means 'latest' in the base stack: nodes can pull different versions and a redeploy upgrades silently. Pin a version tag (redis:7.4.2), a digest, or ${TAG}."));

    [Fact]
    public Task LatestTag_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").{|IKS0107:Image("ghcr.io/iklimco/api:latest")|};
            }
        }
        """);

    [Fact]
    public Task ProfileSwitchesToLatest_TriggersAtProfileImage() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5-alpine");
                stack.Profile("prod", prod => prod.Service("redis").{|#0:Image("bitnami/redis:latest")|});
            }
        }
        """,
        Verify.Diagnostic("IKS0107").WithLocation(0)
            .WithMessage("service 'redis' image 'bitnami/redis:latest' uses the floating tag 'latest' in profile 'prod': nodes can pull different versions and a redeploy upgrades silently. Pin a version tag (redis:7.4.2), a digest, or ${TAG}."));

    [Fact]
    public Task RegistryPathWithoutTag_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").{|IKS0107:Image("ghcr.io/iklimco/api")|};
            }
        }
        """);

    [Fact]
    public Task VersionTagOrDigest_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("web").Image("nginx:1.27.2-alpine");
                stack.Service("api").Image("ghcr.io/iklimco/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            }
        }
        """);

    [Fact]
    public Task DeployTimeTag_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("worker").Image(Env.Var("REGISTRY") + "/worker:" + Env.Var("TAG", "1.0"));
                stack.Service("job").Image($"{Env.Var("REGISTRY")}/job:{Env.Var("JOB_TAG", "1.0", onlyWhenUnset: true)}");
                stack.Service("api").Image("ghcr.io/iklimco/api:" + Env.Var("API_TAG"));
            }
        }
        """);

    [Fact]
    public Task ServiceWithoutImage_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("web").Replicas(2);
            }
        }
        """);

    [Fact]
    public Task ProfilePinsBaseLatest_DoesNotTriggerForProfile() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("web").{|#0:Image("nginx:latest")|};
                stack.Profile("prod", prod => prod.Service("web").Image("nginx:1.27.2-alpine"));
            }
        }
        """,
        Verify.Diagnostic("IKS0107").WithLocation(0)
            .WithMessage("service 'web' image 'nginx:latest' uses the floating tag 'latest' in the base stack: nodes can pull different versions and a redeploy upgrades silently. Pin a version tag (redis:7.4.2), a digest, or ${TAG}."));
}
