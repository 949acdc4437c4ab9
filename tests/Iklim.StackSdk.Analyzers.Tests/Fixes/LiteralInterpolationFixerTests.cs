using Iklim.StackSdk.CodeFixes.Fixes;
using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer, Iklim.StackSdk.CodeFixes.Fixes.LiteralInterpolationFixer>;

namespace Iklim.StackSdk.Analyzers.Tests.Fixes;

/// <summary>IKS0115 fix: each literal's ${...} becomes the Env call that makes it.</summary>
public sealed class LiteralInterpolationFixerTests
{
    [Fact]
    public Task EveryForm_BecomesItsEnvCall_FixAllIncluded() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("web")]
        public sealed class WebStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("nginx:1.27.2")
                    .{|IKS0115:Environment("A", "${A}")|}
                    .{|IKS0115:Environment("B", "${B:-fallback}")|}
                    .{|IKS0115:Environment("C", "${C-fallback}")|}
                    .{|IKS0115:Environment("D", "${D:?set D}")|}
                    .{|IKS0115:Environment("E", "${E?set E}")|}
                    .{|IKS0115:Label("traefik.http.routers.api.rule", "Host(`api.${DOMAIN}`) && \"{x}\" a$b ${PORT:-80}")|};
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("web")]
        public sealed class WebStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("nginx:1.27.2")
                    .Environment("A", Env.Var("A"))
                    .Environment("B", Env.Var("B", "fallback"))
                    .Environment("C", Env.Var("C", "fallback", onlyWhenUnset: true))
                    .Environment("D", Env.Required("D", "set D"))
                    .Environment("E", Env.Required("E", "set E", allowEmpty: true))
                    .Label("traefik.http.routers.api.rule", $"Host(`api.{Env.Var("DOMAIN")}`) && \"{{x}}\" a$b {Env.Var("PORT", "80")}");
            }
        }
        """,
        LiteralInterpolationFixer.UseEnvKey);

    [Fact]
    public Task WithoutUsing_TheCallIsQualified() => Verify.VerifyCodeFixAsync(
        """
        [Iklim.StackSdk.Stack("web")]
        public sealed class WebStack : Iklim.StackSdk.IStackDefinition
        {
            public void Configure(Iklim.StackSdk.IStackBuilder stack)
            {
                stack.Service("api").Image("nginx:1.27.2").{|IKS0115:Environment("A", "${A}")|};
            }
        }
        """,
        """
        [Iklim.StackSdk.Stack("web")]
        public sealed class WebStack : Iklim.StackSdk.IStackDefinition
        {
            public void Configure(Iklim.StackSdk.IStackBuilder stack)
            {
                stack.Service("api").Image("nginx:1.27.2").Environment("A", Iklim.StackSdk.Env.Var("A"));
            }
        }
        """,
        LiteralInterpolationFixer.UseEnvKey);

    [Fact]
    public Task MessageWithDashOrConstant_GetsNoFix()
    {
        var source = """
            using Iklim.StackSdk;

            [Stack("web")]
            public sealed class WebStack : IStackDefinition
            {
                private const string Site = "${SITE}";

                public void Configure(IStackBuilder stack)
                {
                    stack.Service("api").Image("nginx:1.27.2")
                        .{|IKS0115:Environment("A", "${A:?a non-empty value}")|}
                        .{|IKS0115:Environment("SITE", Site)|};
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, source, LiteralInterpolationFixer.UseEnvKey);
    }
}
