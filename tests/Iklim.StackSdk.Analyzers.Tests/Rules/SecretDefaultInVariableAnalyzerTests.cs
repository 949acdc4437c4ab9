using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0112: a literal secret as the default of a deploy-time variable, reported at the Environment call.</summary>
public sealed class SecretDefaultInVariableAnalyzerTests
{
    [Fact]
    public Task EnvVarWithLiteralDefault_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("monitoring")]
        public sealed class MonitoringStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("grafana").Image("grafana/grafana:11.3.1")
                    .{|#0:Environment("GF_SECURITY_ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD", "admin"))|};
                stack.Service("caddy").Image("caddy:2.8.4").Global()
                    .{|IKS0112:Environment("ADMIN_PASSWORD", $"{Env.Var("ADMIN_PASSWORD", "admin")}")|};
            }
        }
        """,
        Verify.Diagnostic("IKS0112").WithLocation(0)
            .WithMessage("service 'grafana' sets the secret-like environment variable 'GF_SECURITY_ADMIN_PASSWORD' to ${ADMIN_PASSWORD} with a literal default in the base stack: a deploy without ADMIN_PASSWORD set runs with that default, and it is written in the stack file and in git. Use Env.Var(\"ADMIN_PASSWORD\") without a default, or a Docker secret."));

    [Fact]
    public Task VariableWithoutDefaultOrNotSecret_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("monitoring")]
        public sealed class MonitoringStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("grafana").Image("grafana/grafana:11.3.1")
                    .Environment("GF_SECURITY_ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD"))
                    .Environment("GF_SECURITY_ADMIN_USER", Env.Var("ADMIN_USER", "admin"))
                    .Environment("GF_DATABASE_PASSWORD", Env.Var("DB_PASSWORD", ""));
            }
        }
        """);
}
