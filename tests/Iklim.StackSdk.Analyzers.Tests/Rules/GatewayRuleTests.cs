using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0102 and IKS0109 at compile time: the gateway DSL is evaluated statically and each warning lands on the responsible call.</summary>
public sealed class GatewayRuleTests
{
    private const string Prelude = """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Network("net").External();
                stack.Node("iklim-app-01").Label("type", "service");
                stack.Service("apisix").Image("apache/apisix:3.11.0-debian").Network("net").Replicas(1);
                stack.Service("redis").Image("redis:7.2.5-alpine").Network("net");
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Network("net").Constraint("node.labels.type == service");
        """;

    [Fact]
    public Task TestWithOneReplicaAndLocal_DoesNotTrigger() => Verify.VerifyAnalyzerAsync(Prelude + """
                stack.Gateway("apisix")
                    .Etcd(["http://etcd:2379"], prefix: "/apisix", timeout: 30)
                    .RealIp("X-Forwarded-For", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
                    .Upstream("rabbitmq-upstream", up => up.RoundRobin().Node("rabbitmq", 15674).Timeout(connect: 10, send: 3600, read: 3600))
                    .Route("ws", route => route.Uri("/ws").Upstream("rabbitmq-upstream").WebSocket().LimitConn(5, burst: 0, defaultConnDelay: 0.1))
                    .GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true));
            }
        }
        """);

    [Fact]
    public Task ProdScalesTheGatewayWithLocal_TriggersAtTheProdReplicas() => Verify.VerifyAnalyzerAsync(Prelude + """
                stack.Gateway("apisix").GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true));
                stack.Profile("prod", prod =>
                {
                    prod.Service("apisix").{|#0:Replicas(3)|};
                });
            }
        }
        """,
        Verify.Diagnostic("IKS0102").WithLocation(0)
            .WithMessage("global rule '1' of gateway 'apisix' uses limit-count with policy local while service 'apisix' runs 3 tasks in profile 'prod': each instance counts alone, so the effective limit is 60 × 3 = 180 requests per 60 s. Use policy: RateLimitPolicy.Redis (or RedisCluster) so the instances share one counter."));

    [Fact]
    public Task ProdGlobalRuleBackToLocal_TriggersAtThatCall() => Verify.VerifyAnalyzerAsync(Prelude + """
                stack.Gateway("apisix").GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true));
                stack.Profile("prod", prod =>
                {
                    prod.Service("apisix").Replicas(3);
                    prod.Gateway("apisix").GlobalRule("1", rule => rule.{|IKS0102:LimitCount(60, 60, policy: RateLimitPolicy.Local, allowDegradation: true)|});
                });
            }
        }
        """);

    [Fact]
    public Task ProdScalesAndUsesRedis_DoesNotTrigger() => Verify.VerifyAnalyzerAsync(Prelude + """
                stack.Gateway("apisix").GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true));
                stack.Profile("prod", prod =>
                {
                    prod.Service("apisix").Replicas(3);
                    prod.Gateway("apisix").GlobalRule("1", rule => rule.LimitCount(
                        60, 60, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPort: 6379, redisPassword: Env.Var("REDIS_PASSWORD"), allowDegradation: true));
                });
            }
        }
        """);

    [Fact]
    public Task ChashToTheVipOfAReplicatedService_TriggersAtTheNode() => Verify.VerifyAnalyzerAsync(Prelude + """
                stack.Profile("prod", prod =>
                {
                    prod.Service("rabbitmq").Replicas(3).MaxReplicasPerNode(1);
                    prod.Node("iklim-app-02").Label("type", "service");
                    prod.Node("iklim-app-03").Label("type", "service");
                    prod.Gateway("apisix").Upstream("rabbitmq-upstream", up => up.ConsistentHash("remote_addr").{|IKS0109:Node("rabbitmq", 15674)|});
                });
            }
        }
        """);

    [Fact]
    public Task ChashToDeclaredPerNodeAliases_DoesNotTrigger() => Verify.VerifyAnalyzerAsync(Prelude + """
                stack.Profile("prod", prod =>
                {
                    prod.Node("iklim-app-02").Label("type", "service");
                    prod.Node("iklim-app-03").Label("type", "service");
                    prod.Service("rabbitmq").Network("net", aliases: $"rabbitmq-{Swarm.NodeHostname}").Replicas(3).MaxReplicasPerNode(1);
                    var upstreamNodes = new[] { "iklim-app-01", "iklim-app-02", "iklim-app-03" };
                    prod.Gateway("apisix").Upstream("rabbitmq-upstream", up =>
                    {
                        up.ConsistentHash("remote_addr");
                        foreach (var node in upstreamNodes)
                        {
                            up.Node($"rabbitmq-{node}", 15674);
                        }
                    });
                });
            }
        }
        """);

    [Fact]
    public Task ChashToPerNodeNamesWithoutAliases_TriggersAtEachNode() => Verify.VerifyAnalyzerAsync(Prelude + """
                stack.Profile("prod", prod =>
                {
                    prod.Node("iklim-app-02").Label("type", "service");
                    prod.Node("iklim-app-03").Label("type", "service");
                    prod.Service("rabbitmq").Replicas(3).MaxReplicasPerNode(1);
                    prod.Gateway("apisix").Upstream("rabbitmq-upstream", up => up
                        .ConsistentHash("remote_addr")
                        .{|IKS0109:Node("rabbitmq-iklim-app-01", 15674)|}
                        .{|IKS0109:Node("rabbitmq-iklim-app-02", 15674)|}
                        .{|IKS0109:Node("rabbitmq-iklim-app-03", 15674)|});
                });
            }
        }
        """);

    [Fact]
    public Task LiteralRedisPassword_IsAnInvalidValue() => Verify.VerifyAnalyzerAsync(Prelude + """
                stack.Gateway("apisix").GlobalRule("1", rule => rule.LimitCount(
                    60, 60, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPassword: {|IKS0002:"hunter2"|}));
            }
        }
        """);
}
