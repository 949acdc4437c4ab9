using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0108: a secret-like environment variable set to a literal value.</summary>
public sealed class SecretInPlainEnvironmentAnalyzerTests
{
    [Fact]
    public Task LiteralPassword_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5-alpine").{|#0:Environment("REDIS_PASSWORD", "hunter2")|};
            }
        }
        """,
        Verify.Diagnostic("IKS0108").WithLocation(0)
            .WithMessage("service 'redis' sets the secret-like environment variable 'REDIS_PASSWORD' to a literal value in the base stack: it ends up in the stack file and in docker service inspect. Use Env.Var(\"REDIS_PASSWORD\") or a Docker secret (.Secret(...) and REDIS_PASSWORD_FILE=/run/secrets/...)."));

    [Fact]
    public Task LiteralApiKeyAndToken_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("iklim/api:1.0.0")
                    .{|IKS0108:Environment("API_KEY", "abc123")|}
                    .{|IKS0108:Environment("GITHUB_TOKEN", "ghp_xyz")|};
            }
        }
        """);

    [Fact]
    public Task ProfileReplacesVariableWithLiteral_TriggersAtProfileCall() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("db").Image("postgres:16.4").Environment("POSTGRES_PASSWORD", Env.Var("POSTGRES_PASSWORD"));
                stack.Profile("prod", prod => prod.Service("db").{|#0:Environment("POSTGRES_PASSWORD", "prod-password")|});
            }
        }
        """,
        Verify.Diagnostic("IKS0108").WithLocation(0)
            .WithMessage("service 'db' sets the secret-like environment variable 'POSTGRES_PASSWORD' to a literal value in profile 'prod': it ends up in the stack file and in docker service inspect. Use Env.Var(\"POSTGRES_PASSWORD\") or a Docker secret (.Secret(...) and POSTGRES_PASSWORD_FILE=/run/secrets/...)."));

    [Fact]
    public Task VariableOrSecretFile_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Secret("db_password").External();
                stack.Service("db").Image("postgres:16.4")
                    .Environment("POSTGRES_PASSWORD", Env.Var("POSTGRES_PASSWORD"))
                    .Environment("REPLICA_PASSWORD", "/run/secrets/db_password")
                    .Environment("POSTGRES_PASSWORD_FILE", "/run/secrets/db_password")
                    .Secret("db_password");
            }
        }
        """);

    [Fact]
    public Task SwitchesAndEmptyValues_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("bitnami/redis:7.4.2")
                    .Environment("ALLOW_EMPTY_PASSWORD", "no")
                    .Environment("REDIS_TLS_AUTH_CLIENTS", "yes")
                    .Environment("SECRET_PLACEHOLDER", "");
            }
        }
        """);

    [Fact]
    public Task NonSecretNames_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("iklim/api:1.0.0")
                    .Environment("TOKEN_URL", "https://auth.iklim.co/token")
                    .Environment("KEYBOARD_LAYOUT", "tr")
                    .Environment("TZ", "Europe/Istanbul");
            }
        }
        """);

    [Fact]
    public Task ProfileReplacesLiteralWithVariable_DoesNotTriggerForProfile() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5-alpine").{|#0:Environment("REDIS_PASSWORD", "dev-only")|};
                stack.Profile("prod", prod => prod.Service("redis").Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD")));
            }
        }
        """,
        Verify.Diagnostic("IKS0108").WithLocation(0)
            .WithMessage("service 'redis' sets the secret-like environment variable 'REDIS_PASSWORD' to a literal value in the base stack: it ends up in the stack file and in docker service inspect. Use Env.Var(\"REDIS_PASSWORD\") or a Docker secret (.Secret(...) and REDIS_PASSWORD_FILE=/run/secrets/...)."));
}
