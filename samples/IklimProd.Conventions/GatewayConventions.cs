using Iklim.StackSdk;

namespace IklimProd.Conventions;

/// <summary>Rate limits that the gateway's replicas share through the platform's Redis (IKS0102).</summary>
public static class GatewayConventions
{
    /// <summary>The Redis service the gateway counts in.</summary>
    public const string RedisHost = "redis";

    /// <summary>The Redis port.</summary>
    public const int RedisPort = 6379;

    /// <summary>The variable that holds the Redis password at deploy time; never a value in the artefacts.</summary>
    public const string RedisPasswordVariable = "REDIS_PASSWORD";

    /// <summary>
    /// A limit-count shared by every gateway replica; requests pass while Redis fails over (allow_degradation).
    /// </summary>
    public static IRouteBuilder SharedLimit(this IRouteBuilder route, int count, int timeWindow) => route.LimitCount(
        count, timeWindow, policy: RateLimitPolicy.Redis, redisHost: RedisHost, redisPort: RedisPort, redisPassword: Env.Var(RedisPasswordVariable), allowDegradation: true);

    /// <summary>The same shared limit as a global rule.</summary>
    public static IGlobalRuleBuilder SharedLimit(this IGlobalRuleBuilder rule, int count, int timeWindow) => rule.LimitCount(
        count, timeWindow, policy: RateLimitPolicy.Redis, redisHost: RedisHost, redisPort: RedisPort, redisPassword: Env.Var(RedisPasswordVariable), allowDegradation: true);
}
