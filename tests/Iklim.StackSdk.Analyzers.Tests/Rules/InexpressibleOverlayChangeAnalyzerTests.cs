using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0004: a profile change that Docker's overlay merge cannot express.</summary>
public sealed class InexpressibleOverlayChangeAnalyzerTests
{
    [Fact]
    public Task RemoveBaseConstraintInProfile_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Constraint("node.role == manager");
                stack.Profile("prod", prod => prod.Service("redis").{|IKS0004:RemoveConstraint("node.role == manager")|});
            }
        }
        """);

    [Fact]
    public Task EmptyEnvironmentOverridingBase_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Environment("LOG_LEVEL", "debug");
                stack.Profile("prod", prod =>
                {
                    prod.Service("api").{|#0:Environment("LOG_LEVEL", "")|};
                });
            }
        }
        """,
        Verify.Diagnostic("IKS0004").WithLocation(0)
            .WithMessage("profile 'prod' cannot change service 'api': an empty environment variable 'LOG_LEVEL' in an overlay does not override the base value 'debug' (Docker keeps the base value). Set it per profile instead of in the base, or give it a non-empty value."));

    [Fact]
    public Task RemoveBaseEnvironmentInProfile_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Environment("DEBUG", "1");
                stack.Profile("prod", prod => prod.Service("api").{|IKS0004:RemoveEnvironment("DEBUG")|});
            }
        }
        """);

    [Fact]
    public Task ChangedBaseGenericResourceInProfile_TriggersAtTheCall() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("trainer").Image("busybox:1.36.1").GenericResource("gpu", 1);
                stack.Profile("prod", prod => prod.Service("trainer").GenericResource("fpga", 1).{|IKS0004:GenericResource("gpu", 2)|});
            }
        }
        """);

    [Fact]
    public Task ProfileSecretWithoutTheBasesFile_TriggersAtTheProfilesDeclaration() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Secret("db_password").File("./secrets/db_password");
                stack.Config("app").External();
                stack.Service("api").Image("nginx:1.27.2-alpine").Secret("db_password").Config("app");
                stack.Profile("prod", prod =>
                {
                    prod.{|#0:Secret("db_password")|}.Label("com.example.rotate", "90d");
                    prod.Config("app").External().Named("app_v2");
                });
            }
        }
        """,
        Verify.Diagnostic("IKS0004").WithLocation(0)
            .WithMessage("profile 'prod' cannot change secret 'db_password': Docker replaces a base's secret whole with the overlay's, so this declaration drops the base's file './secrets/db_password' and leaves no source: docker stack deploy then reads the compose file's folder as the secret and fails ('is a directory'). Restate the source in the profile (.File(...), .External() or .Driver(...)), or declare the secret only in the profiles that need it."));

    [Fact]
    public Task ExpressibleOverrides_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Environment("LOG_LEVEL", "debug").Constraint("node.role == worker");
                stack.Profile("prod", prod =>
                {
                    prod.Service("api").Environment("LOG_LEVEL", "warn").Constraint("node.labels.type == service").RemoveConstraint("node.labels.zone == b");
                });
            }
        }
        """);
}
