using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Tests.Gateway;

/// <summary>The gateway builders reject invalid values with the parameter's name, and profiles change the base's gateway by GatewayMerge's rules.</summary>
public sealed class GatewayBuilderTests
{
    private static IGatewayBuilder Gateway() => new StackBuilder("s", "docker-stack.yml").Gateway("apisix");

    [Theory]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("x y")]
    public void InvalidRouteId_Throws(string id) =>
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => Gateway().Route(id, _ => { })).ParamName);

    [Theory]
    [InlineData("")]
    [InlineData("1KEY")]
    [InlineData("${APISIX_ADMIN_KEY}")]
    public void AdminApiKeyThatIsNotAVariableName_Throws(string variable) =>
        Assert.Equal("keyVariable", Assert.Throws<ArgumentException>(() => Gateway().AdminApi(variable, "10.0.0.0/8")).ParamName);

    [Fact]
    public void AdminApiWithoutRanges_Throws() =>
        Assert.Equal("allowFrom", Assert.Throws<ArgumentException>(() => Gateway().AdminApi("APISIX_ADMIN_KEY")).ParamName);

    [Fact]
    public void LiteralRedisPassword_Throws() =>
        Assert.Equal("redisPassword", Assert.Throws<ArgumentException>(() => Gateway().GlobalRule("1", r => r.LimitCount(1, 1, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPassword: "hunter2"))).ParamName);

    [Fact]
    public void RedisPolicyWithoutHost_Throws() =>
        Assert.Equal("redisHost", Assert.Throws<ArgumentException>(() => Gateway().GlobalRule("1", r => r.LimitCount(1, 1, policy: RateLimitPolicy.Redis))).ParamName);

    [Fact]
    public void LocalPolicyWithRedisSettings_Throws() =>
        Assert.Equal("policy", Assert.Throws<ArgumentException>(() => Gateway().GlobalRule("1", r => r.LimitCount(1, 1, redisHost: "redis"))).ParamName);

    [Theory]
    [InlineData(0, 60, "count")]
    [InlineData(1, 0, "timeWindow")]
    public void NonPositiveLimit_Throws(int count, int window, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => Gateway().GlobalRule("1", r => r.LimitCount(count, window))).ParamName);

    [Fact]
    public void NonPositiveConnDelay_Throws() =>
        Assert.Equal("defaultConnDelay", Assert.Throws<ArgumentException>(() => Gateway().Route("ws", r => r.LimitConn(5, 0, 0))).ParamName);

    [Fact]
    public void EtcdHostWithoutScheme_Throws() =>
        Assert.Equal("hosts", Assert.Throws<ArgumentException>(() => Gateway().Etcd(["etcd:2379"])).ParamName);

    [Fact]
    public void UriWithoutSlash_Throws() =>
        Assert.Equal("patterns", Assert.Throws<ArgumentException>(() => Gateway().Route("r", r => r.Uri("v1/*"))).ParamName);

    [Fact]
    public void BalancerChashWithoutKey_Throws() =>
        Assert.Equal("balancer", Assert.Throws<ArgumentException>(() => Gateway().Upstream("u", u => u.Balancer(UpstreamBalancer.Chash))).ParamName);

    [Fact]
    public void Profile_ChangesOnlyWhatItSets()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Service("apisix").Image("apache/apisix:3.11.0-debian");
        stack.Gateway("apisix")
            .Etcd(["http://etcd:2379"])
            .Upstream("u", u => u.RoundRobin().Node("a", 80).Timeout(1, 2, 3))
            .Route("r", r => r.Uri("/x").Upstream("u").LimitCount(5, 60).LimitConn(1, 0, 0.5));
        stack.Profile("prod", prod => prod.Gateway("apisix")
            .Upstream("u", u => u.ConsistentHash("remote_addr").Node("b", 80))
            .Route("r", r => r.LimitCount(5, 60, policy: RateLimitPolicy.Redis, redisHost: "redis")));
        var model = stack.Build().Model;

        var effective = Merging.GatewayMerge.Merge(model.Base.Gateway("apisix")!, model.Profile("prod")!.Changes.Gateway("apisix")!);

        var upstream = Assert.Single(effective.Upstreams);
        Assert.Equal(UpstreamBalancer.Chash, upstream.Balancer);
        Assert.Equal(new[] { new UpstreamNode("b", 80, 1) }, upstream.Nodes);
        Assert.Equal(new UpstreamTimeout(1, 2, 3), upstream.Timeout);
        var route = Assert.Single(effective.Routes);
        Assert.Equal(new[] { "/x" }, route.Uris);
        Assert.Equal("u", route.Upstream);
        Assert.Equal(RateLimitPolicy.Redis, route.Plugins.OfType<LimitCountSpec>().Single().Policy);
        Assert.Single(route.Plugins.OfType<LimitConnSpec>());
        Assert.Equal(model.Base.Gateway("apisix")!.Etcd, effective.Etcd);
    }
}
