using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0115: a ${...} typed in a string passed to the DSL, which the container receives as written.</summary>
public sealed class LiteralInterpolationAnalyzerTests
{
    [Fact]
    public Task LiteralReference_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("web")]
        public sealed class WebStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("nginx:1.27.2")
                    .{|#0:Environment("SITE", "${DOMAIN:-iklim.co}")|};
            }
        }
        """,
        Verify.Diagnostic("IKS0115").WithLocation(0)
            .WithMessage("'${DOMAIN:-iklim.co}' is typed in a plain string, so the container receives it as written, '$' and all; to have docker stack deploy read DOMAIN from the deploying shell, write Env.Var(\"DOMAIN\", \"iklim.co\")"));

    [Fact]
    public Task ConstantsConcatenationsAndInterpolatedText_Trigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("web")]
        public sealed class WebStack : IStackDefinition
        {
            private const string Rule = "Host(`${DOMAIN}`)";

            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("nginx:1.27.2")
                    .{|IKS0115:Label("traefik.http.routers.api.rule", Rule)|}
                    .{|IKS0115:Label("a", "x-" + Env.Var("A") + "-${B?set B}")|}
                    .{|IKS0115:Command("sh", "-c", $"echo {Swarm.TaskSlot} ${{HOME}}")|};
                stack.Network("net").{|IKS0115:DriverOption("x", "${NET_OPT}")|};
            }
        }
        """);

    [Fact]
    public Task LiteralDollarsAndEnvCalls_DoNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("web")]
        public sealed class WebStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("nginx:1.27.2")
                    .Label("traefik.http.middlewares.auth.basicauth.users", "admin:$apr1$x")
                    .Label("a", "$" + "$")
                    .Label("b", "$")
                    .Label("c", "a$")
                    .Label("d", "$HOME and ${} and ${1X}")
                    .Label("e", "{{.Node.Hostname}}")
                    .Environment("SITE", Env.Var("DOMAIN", "iklim.co"))
                    .Environment("URL", "https://" + Env.Var("DOMAIN") + "/x")
                    .Environment("KEY", $"{Env.Required("KEY", "set KEY")}:{Swarm.NodeHostname}");
            }
        }
        """);
}
