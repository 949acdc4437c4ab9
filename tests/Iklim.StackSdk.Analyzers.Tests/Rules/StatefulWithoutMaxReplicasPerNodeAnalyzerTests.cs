using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0101: a replicated stateful service without max_replicas_per_node.</summary>
public sealed class StatefulWithoutMaxReplicasPerNodeAnalyzerTests
{
    [Fact]
    public Task StatefulImageReplicated_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").{|#0:Replicas(3)|};
            }
        }
        """,
        Verify.Diagnostic("IKS0101").WithLocation(0)
            .WithMessage("service 'rabbitmq' runs 3 replicas in the base stack and is stateful (image 'rabbitmq:3.13.7-management' is a stateful server), but has no max_replicas_per_node: two replicas can land on one node. Add .MaxReplicasPerNode(1)."));

    [Fact]
    public Task ProfileScalesStatefulBase_TriggersAtProfileCall() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(1);
                stack.Profile("prod", prod => prod.Service("rabbitmq").{|#0:Replicas(3)|});
            }
        }
        """,
        Verify.Diagnostic("IKS0101").WithLocation(0)
            .WithMessage("service 'rabbitmq' runs 3 replicas in profile 'prod' and is stateful (image 'rabbitmq:3.13.7-management' is a stateful server), but has no max_replicas_per_node: two replicas can land on one node. Add .MaxReplicasPerNode(1)."));

    [Fact]
    public Task ReplicatedServiceWithDataVolume_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Volume("api-data");
                stack.Service("api").Image("iklim/api:1.0.0").Volume("api-data", "/data").{|IKS0101:Replicas(2)|};
            }
        }
        """);

    [Fact]
    public Task ProfileMarksReplicatedServiceStateful_TriggersAtStateful() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("iklim/api:1.0.0").Replicas(2);
                stack.Profile("prod", prod => prod.Service("api").{|IKS0101:Stateful()|});
            }
        }
        """);

    [Fact]
    public Task BaseProblemInheritedByProfile_TriggersOnceAtBase() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5-alpine").{|IKS0101:Replicas(2)|};
                stack.Profile("prod", prod => prod.Service("redis").Environment("MODE", "cache"));
            }
        }
        """);

    [Fact]
    public Task WithMaxReplicasPerNode_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(3).MaxReplicasPerNode(1);
            }
        }
        """);

    [Fact]
    public Task ProfileAddsMaxReplicasPerNode_DoesNotTriggerForProfile() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5-alpine").Stateful().{|#0:Replicas(3)|};
                stack.Profile("prod", prod => prod.Service("redis").MaxReplicasPerNode(1));
            }
        }
        """,
        Verify.Diagnostic("IKS0101").WithLocation(0)
            .WithMessage("service 'redis' runs 3 replicas in the base stack and is stateful (marked Stateful()), but has no max_replicas_per_node: two replicas can land on one node. Add .MaxReplicasPerNode(1)."));

    [Fact]
    public Task ProfileScalesBaseDownToOne_DoesNotTriggerForProfile() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").{|IKS0101:Replicas(3)|};
                stack.Profile("prod", prod => prod.Service("etcd").Replicas(1));
            }
        }
        """);

    [Fact]
    public Task StatelessOrReadOnlyOrGlobal_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("web").Image("nginx:1.27.2-alpine").Replicas(3);
                stack.Service("proxy").Image("nginx:1.27.2-alpine").Bind("/etc/ssl", "/certs", readOnly: true).Replicas(3);
                stack.Service("agent").Image("docker:27.3.1-cli").Bind("/var/run/docker.sock", "/var/run/docker.sock").Replicas(2);
                stack.Service("redis").Image("redis:7.2.5-alpine").Global();
            }
        }
        """);
}
