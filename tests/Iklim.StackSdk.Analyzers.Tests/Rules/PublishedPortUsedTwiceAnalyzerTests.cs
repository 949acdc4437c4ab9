using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0113: a published port used twice, reported at the later service's Port call.</summary>
public sealed class PublishedPortUsedTwiceAnalyzerTests
{
    [Fact]
    public Task TwoIngressServices_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("voting")]
        public sealed class VotingStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("vote").Image("app:1.0.0").Port(5000, 80);
                stack.Service("result").Image("app:1.0.0").{|#0:Port(5000, 80)|};
            }
        }
        """,
        Verify.Diagnostic("IKS0113").WithLocation(0)
            .WithMessage("service 'result' publishes 5000/tcp in ingress mode in the base stack, but service 'vote' already publishes it in ingress mode: the routing mesh binds an ingress port on every node, so the deploy fails. Publish another port or give the two services one port through the gateway."));

    [Fact]
    public Task ProfileServiceOnTheBasesPort_TriggersAtTheProfilesPort() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("grafana").Image("grafana/grafana:11.3.1").Port(3000, 3000);
                stack.Profile("prod", prod => prod.Service("grafana-next").Image("grafana/grafana:11.3.1").{|IKS0113:Port(3000, 3000)|});
            }
        }
        """);

    [Fact]
    public Task HostModeOnDifferentNodesOrGlobal_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("a");
                stack.Node("b");
                stack.Service("edge-a").Image("caddy:2.8.4").Port(443, 443, mode: PortMode.Host).PinToNode("a");
                stack.Service("edge-b").Image("caddy:2.8.4").Port(443, 443, mode: PortMode.Host).PinToNode("b");
                stack.Service("apisix").Image("apache/apisix:3.11.0-debian").Port(9080, 9080, mode: PortMode.Host).Global();
                stack.Service("dns").Image("app:1.0.0").Port(53, 53, PortProtocol.Udp).Port(8053, 53);
            }
        }
        """);
}
