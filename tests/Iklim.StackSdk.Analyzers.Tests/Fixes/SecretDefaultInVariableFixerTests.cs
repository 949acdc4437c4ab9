using Iklim.StackSdk.CodeFixes.Fixes;
using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer, Iklim.StackSdk.CodeFixes.Fixes.SecretDefaultInVariableFixer>;

namespace Iklim.StackSdk.Analyzers.Tests.Fixes;

/// <summary>IKS0112 fix: Env.Var(name, default) loses its default.</summary>
public sealed class SecretDefaultInVariableFixerTests
{
    [Fact]
    public Task EnvVarDefaults_AreDropped_FixAllIncluded() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("monitoring")]
        public sealed class MonitoringStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("grafana").Image("grafana/grafana:11.3.1")
                    .{|IKS0112:Environment("GF_SECURITY_ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD", "admin"))|};
                stack.Profile("prod", prod => prod.Service("caddy").Image("caddy:2.8.4").{|IKS0112:Environment("ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD", "admin"))|});
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("monitoring")]
        public sealed class MonitoringStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("grafana").Image("grafana/grafana:11.3.1")
                    .Environment("GF_SECURITY_ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD"));
                stack.Profile("prod", prod => prod.Service("caddy").Image("caddy:2.8.4").Environment("ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD")));
            }
        }
        """,
        SecretDefaultInVariableFixer.DropDefaultKey);

    [Fact]
    public Task Concatenation_GetsNoFix()
    {
        var source = """
            using Iklim.StackSdk;

            [Stack("monitoring")]
            public sealed class MonitoringStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack)
                {
                    stack.Service("grafana").Image("grafana/grafana:11.3.1").{|IKS0112:Environment("GF_SECURITY_ADMIN_PASSWORD", "admin:" + Env.Var("ADMIN_PASSWORD", "admin"))|};
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, source, SecretDefaultInVariableFixer.DropDefaultKey);
    }
}
