using Iklim.StackSdk.CodeFixes.Fixes;
using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer, Iklim.StackSdk.CodeFixes.Fixes.LocalRateLimitOnReplicatedGatewayFixer>;

namespace Iklim.StackSdk.Analyzers.Tests.Fixes;

/// <summary>IKS0102 fix: the flagged LimitCount switches to policy redis on the stack's Redis service.</summary>
public sealed class LocalRateLimitOnReplicatedGatewayFixerTests
{
    private const string Prelude = """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Network("net").External();
                stack.Service("apisix").Image("apache/apisix:3.11.0-debian").Network("net").Replicas(3).MaxReplicasPerNode(1);

        """;

    [Fact]
    public Task RouteAndGlobalRule_BothSwitch_FixAllIncluded() => Verify.VerifyCodeFixAsync(
        Prelude + """
                stack.Service("redis").Image("bitnami/redis:7.4.2").Network("net")
                    .Environment("REDIS_PORT_NUMBER", "6380")
                    .Environment("REDIS_PASSWORD", Env.Var("GATEWAY_REDIS_PASSWORD"));
                stack.Gateway("apisix")
                    .Route("auth", route => route.Uri("/v1/auth/*").{|IKS0102:LimitCount(12, 60)|})
                    .GlobalRule("1", rule => rule.{|IKS0102:LimitCount(60, 60, policy: RateLimitPolicy.Local, allowDegradation: true)|});
            }
        }
        """,
        Prelude + """
                stack.Service("redis").Image("bitnami/redis:7.4.2").Network("net")
                    .Environment("REDIS_PORT_NUMBER", "6380")
                    .Environment("REDIS_PASSWORD", Env.Var("GATEWAY_REDIS_PASSWORD"));
                stack.Gateway("apisix")
                    .Route("auth", route => route.Uri("/v1/auth/*").LimitCount(12, 60, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPort: 6380, redisPassword: Env.Var("GATEWAY_REDIS_PASSWORD")))
                    .GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPort: 6380, redisPassword: Env.Var("GATEWAY_REDIS_PASSWORD")));
            }
        }
        """,
        LocalRateLimitOnReplicatedGatewayFixer.UseRedisKey);

    [Fact]
    public Task RedisServiceWithAnotherNameAndNoSettings_GetsItsNameThePortAndTheDefaultVariable() => Verify.VerifyCodeFixAsync(
        Prelude + """
                stack.Service("cache-replica").Image("bitnami/redis:7.4.2").Network("net").Environment("REDIS_REPLICATION_MODE", "slave");
                stack.Service("cache").Image("redis:7.2.5-alpine").Network("net");
                stack.Gateway("apisix").GlobalRule("1", rule => rule.{|IKS0102:LimitCount(60, 60)|});
            }
        }
        """,
        Prelude + """
                stack.Service("cache-replica").Image("bitnami/redis:7.4.2").Network("net").Environment("REDIS_REPLICATION_MODE", "slave");
                stack.Service("cache").Image("redis:7.2.5-alpine").Network("net");
                stack.Gateway("apisix").GlobalRule("1", rule => rule.LimitCount(60, 60, policy: RateLimitPolicy.Redis, redisHost: "cache", redisPort: 6379, redisPassword: Env.Var("REDIS_PASSWORD")));
            }
        }
        """,
        LocalRateLimitOnReplicatedGatewayFixer.UseRedisKey);

    [Fact]
    public Task StackWithoutRedis_GetsNoFix()
    {
        var source = Prelude + """
                stack.Gateway("apisix").GlobalRule("1", rule => rule.{|IKS0102:LimitCount(60, 60)|});
            }
        }
        """;
        return Verify.VerifyCodeFixAsync(source, source, LocalRateLimitOnReplicatedGatewayFixer.UseRedisKey);
    }
}
