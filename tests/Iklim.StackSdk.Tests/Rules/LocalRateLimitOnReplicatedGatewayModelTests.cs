using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0102: limit-count with policy local on a gateway that runs more than one task.</summary>
public sealed class LocalRateLimitOnReplicatedGatewayModelTests
{
    private const string Id = "IKS0102";

    private static void Gateway(IStackBuilder s, int replicas, RateLimitPolicy policy = RateLimitPolicy.Local)
    {
        s.Service("apisix").Image("apache/apisix:3.11.0-debian").Network("net").Replicas(replicas);
        s.Service("redis").Image("redis:7.2.5-alpine").Network("net");
        s.Gateway("apisix").GlobalRule("1", rule => Limit(rule, policy));
    }

    private static IGlobalRuleBuilder Limit(IGlobalRuleBuilder rule, RateLimitPolicy policy) =>
        policy == RateLimitPolicy.Local
            ? rule.LimitCount(60, 60, allowDegradation: true)
            : rule.LimitCount(60, 60, policy: policy, redisHost: "redis", redisPort: 6379, redisPassword: Env.Var("REDIS_PASSWORD"), allowDegradation: true);

    [Fact]
    public void OneReplicaWithLocal_DoesNotTrigger() => Assert.Empty(RuleStack.Findings(Id, s => Gateway(s, 1)));

    [Fact]
    public void ThreeReplicasWithLocalInTheBase_TriggersAtTheLimitCount()
    {
        var finding = RuleStack.Single(RuleStack.Findings(Id, s => Gateway(s, 3)), "", "GlobalRule:1:LimitCount", "base");
        Assert.Equal(
            "global rule '1' of gateway 'apisix' uses limit-count with policy local while service 'apisix' runs 3 tasks in the base stack: each instance counts alone, so the effective limit is 60 × 3 = 180 requests per 60 s. Use policy: RateLimitPolicy.Redis (or RedisCluster) so the instances share one counter.",
            finding.Message);
    }

    [Fact]
    public void ThreeReplicasWithRedis_DoesNotTrigger() => Assert.Empty(RuleStack.Findings(Id, s => Gateway(s, 3, RateLimitPolicy.Redis)));

    [Fact]
    public void ProfileScalesTheGatewayWithTheBasesLocalPolicy_TriggersAtTheProfilesReplicas()
    {
        var findings = RuleStack.Findings(Id, s => Gateway(s, 1), prod => prod.Service("apisix").Replicas(3));

        var finding = RuleStack.Single(findings, "prod", "Replicas", "prod");
        Assert.Contains("in profile 'prod'", finding.Message, StringComparison.Ordinal);
        Assert.Equal("service", finding.Where.Kind);
    }

    [Fact]
    public void ProfileScalesAndSetsLocalAgain_TriggersAtTheProfilesLimitCount()
    {
        var findings = RuleStack.Findings(Id, s => Gateway(s, 1), prod =>
        {
            prod.Service("apisix").Replicas(3);
            prod.Gateway("apisix").GlobalRule("1", rule => Limit(rule, RateLimitPolicy.Local));
        });

        Assert.Equal("gateway", RuleStack.Single(findings, "prod", "GlobalRule:1:LimitCount", "prod").Where.Kind);
    }

    [Fact]
    public void ProfileScalesAndSwitchesToRedis_DoesNotTrigger() =>
        Assert.Empty(RuleStack.Findings(Id, s => Gateway(s, 1), prod =>
        {
            prod.Service("apisix").Replicas(3);
            prod.Gateway("apisix").GlobalRule("1", rule => Limit(rule, RateLimitPolicy.Redis));
        }));

    [Fact]
    public void BaseProblemThatTheProfileKeeps_IsReportedOnceForTheBase() =>
        RuleStack.Single(RuleStack.Findings(Id, s => Gateway(s, 3), prod => prod.Service("apisix").Image("apache/apisix:3.11.0-debian")), "", "GlobalRule:1:LimitCount", "base");

    [Fact]
    public void BaseProblemThatTheProfileFixes_IsNotReportedForTheProfile()
    {
        var findings = RuleStack.Findings(Id, s => Gateway(s, 3), prod => prod.Gateway("apisix").GlobalRule("1", rule => Limit(rule, RateLimitPolicy.Redis)));

        Assert.Equal("", Assert.Single(findings).Where.Scope);
    }

    [Fact]
    public void RouteWithLocalLimitOnAGlobalGateway_Triggers()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Node("a").Label("type", "service");
            s.Node("b").Label("type", "service");
            s.Service("apisix").Image("apache/apisix:3.11.0-debian").Network("net").Global();
            s.Gateway("apisix").Route("auth", route => route.Uri("/v1/auth/*").LimitCount(12, 60));
        });

        Assert.Contains("12 × 2 = 24 requests per 60 s", RuleStack.Single(findings, "", "Route:auth:LimitCount", "base").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitConnOnAReplicatedGateway_DoesNotTrigger() =>
        Assert.Empty(RuleStack.Findings(Id, s =>
        {
            s.Service("apisix").Image("apache/apisix:3.11.0-debian").Network("net").Replicas(3);
            s.Gateway("apisix").Route("ws", route => route.Uri("/ws").LimitConn(5, 0, 0.1));
        }));
}
