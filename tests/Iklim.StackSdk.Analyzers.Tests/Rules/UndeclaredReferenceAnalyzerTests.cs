using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0003: a service uses a network, secret, config or volume that is not declared.</summary>
public sealed class UndeclaredReferenceAnalyzerTests
{
    [Fact]
    public Task UndeclaredNetworkInBase_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5").{|#0:Network("backend")|};
            }
        }
        """,
        Verify.Diagnostic("IKS0003").WithLocation(0)
            .WithMessage("service 'redis' uses network 'backend', which is not declared in the base stack; declare it with stack.Network(\"backend\")"));

    [Fact]
    public Task UndeclaredSecretAndVolumeInBase_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("db")
                    .{|IKS0003:Secret("db_password")|}
                    .{|IKS0003:Volume("db-data", "/var/lib/db")|};
            }
        }
        """);

    [Fact]
    public Task UndeclaredNetworkInProfile_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Network("frontend");
                stack.Service("web").Network("frontend");
                stack.Profile("prod", prod =>
                {
                    prod.Service("web").{|IKS0003:Network("backend")|};
                });
            }
        }
        """);

    [Fact]
    public Task UndeclaredSecretInProfile_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Profile("prod", prod => prod.Service("rabbitmq").{|IKS0003:Secret("erlang_cookie")|});
            }
        }
        """);

    [Fact]
    public Task DeclaredInProfileOrBase_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Network("backend").External();
                stack.Volume("db-data");
                stack.Service("db").Network("backend").Volume("db-data", "/var/lib/db").Bind("/etc/db", "/etc/db", readOnly: true);
                stack.Profile("prod", prod =>
                {
                    prod.Secret("db_password").External();
                    prod.Service("db").Secret("db_password");
                });
            }
        }
        """);
}
