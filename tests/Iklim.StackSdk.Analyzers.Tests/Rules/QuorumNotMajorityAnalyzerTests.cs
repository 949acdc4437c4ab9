using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0106: a majority cluster with an even member count, or a Sentinel quorum that is not a majority.</summary>
public sealed class QuorumNotMajorityAnalyzerTests
{
    [Fact]
    public Task EtcdWithTwoMembers_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").MaxReplicasPerNode(1).{|#0:Replicas(2)|};
            }
        }
        """,
        Verify.Diagnostic("IKS0106").WithLocation(0)
            .WithMessage("service 'etcd' runs 2 Raft members in the base stack: an even count tolerates as few failures (0) as 1 members would, and a split into halves leaves no majority. Use 1 or 3 replicas."));

    [Fact]
    public Task ProfileScalesRabbitMqToFour_TriggersAtProfileReplicas() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(3).MaxReplicasPerNode(1);
                stack.Profile("prod", prod => prod.Service("rabbitmq").{|#0:Replicas(4)|});
            }
        }
        """,
        Verify.Diagnostic("IKS0106").WithLocation(0)
            .WithMessage("service 'rabbitmq' runs 4 RabbitMQ members in profile 'prod': an even count tolerates as few failures (1) as 3 members would, and a split into halves leaves no majority. Use 3 or 5 replicas."));

    [Fact]
    public Task SentinelQuorumMinority_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis-sentinel").Image("bitnami/redis-sentinel:7.4.2").Replicas(3).MaxReplicasPerNode(1)
                    .{|#0:Environment("REDIS_SENTINEL_QUORUM", "1")|};
            }
        }
        """,
        Verify.Diagnostic("IKS0106").WithLocation(0)
            .WithMessage("service 'redis-sentinel' sets REDIS_SENTINEL_QUORUM 1 in the base stack, which is not a majority of its 3 sentinels: a minority can declare the master down. Use 2 for 3 sentinels."));

    [Fact]
    public Task GlobalVaultOnTwoNodes_TriggersAtGlobal() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("iklim-app-01");
                stack.Node("iklim-app-02");
                stack.Service("vault").Image("hashicorp/vault:1.17.6").{|IKS0106:Global()|};
            }
        }
        """);

    [Fact]
    public Task OddMembersAndMajorityQuorum_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Replicas(3).MaxReplicasPerNode(1);
                stack.Service("redis-sentinel").Image("bitnami/redis-sentinel:7.4.2").Replicas(3).MaxReplicasPerNode(1)
                    .Environment("REDIS_SENTINEL_QUORUM", "2");
            }
        }
        """);

    [Fact]
    public Task QuorumFromDeployTimeVariable_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis-sentinel").Image("bitnami/redis-sentinel:7.4.2").Replicas(3).MaxReplicasPerNode(1)
                    .Environment("REDIS_SENTINEL_QUORUM", Env.Var("SENTINEL_QUORUM"));
            }
        }
        """);

    [Fact]
    public Task EvenReplicasOfNonCluster_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("web").Image("nginx:1.27.2-alpine").Replicas(2);
                stack.Service("redis").Image("redis:7.2.5-alpine").Replicas(2).MaxReplicasPerNode(1);
            }
        }
        """);

    [Fact]
    public Task ProfileMakesCountOdd_DoesNotTriggerForProfile() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("consul").Image("hashicorp/consul:1.20.1").MaxReplicasPerNode(1).{|#0:Replicas(2)|};
                stack.Profile("prod", prod => prod.Service("consul").Replicas(3));
            }
        }
        """,
        Verify.Diagnostic("IKS0106").WithLocation(0)
            .WithMessage("service 'consul' runs 2 Raft members in the base stack: an even count tolerates as few failures (0) as 1 members would, and a split into halves leaves no majority. Use 1 or 3 replicas."));
}
