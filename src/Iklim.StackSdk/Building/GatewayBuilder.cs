using System;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Building;

/// <summary>
/// Records one scope's gateway settings into an immutable <see cref="GatewaySpec"/>. Provenance keys:
/// <c>Upstream:{id}</c>, <c>Upstream:{id}:{call}</c>, <c>Route:{id}</c>, <c>Route:{id}:{call}</c>,
/// <c>GlobalRule:{id}</c>, <c>GlobalRule:{id}:{call}</c>, <c>Etcd</c>, <c>RealIp</c>.
/// </summary>
internal sealed class GatewayBuilder : IGatewayBuilder
{
    private readonly ScopeBuilder _scope;

    public GatewayBuilder(ScopeBuilder scope, string service)
    {
        _scope = scope;
        Spec = new GatewaySpec(service);
    }

    public string Service => Spec.Service;

    public GatewaySpec Spec { get; private set; }

    public IGatewayBuilder Upstream(string id, Action<IUpstreamBuilder> configure)
    {
        GatewayRequire.Id(id, nameof(id));
        Require.NotNull(configure, nameof(configure));
        Record("Upstream:" + id);
        if (!Spec.Upstreams.Any(u => u.Id == id))
        {
            Spec = Spec with { Upstreams = Spec.Upstreams.Add(new UpstreamSpec(id)) };
        }

        configure(new UpstreamBuilder(this, id));
        return this;
    }

    public IGatewayBuilder Route(string id, Action<IRouteBuilder> configure)
    {
        GatewayRequire.Id(id, nameof(id));
        Require.NotNull(configure, nameof(configure));
        Record("Route:" + id);
        if (!Spec.Routes.Any(r => r.Id == id))
        {
            Spec = Spec with { Routes = Spec.Routes.Add(new RouteSpec(id)) };
        }

        configure(new RouteBuilder(this, id));
        return this;
    }

    public IGatewayBuilder GlobalRule(string id, Action<IGlobalRuleBuilder> configure)
    {
        GatewayRequire.Id(id, nameof(id));
        Require.NotNull(configure, nameof(configure));
        Record("GlobalRule:" + id);
        if (!Spec.GlobalRules.Any(r => r.Id == id))
        {
            Spec = Spec with { GlobalRules = Spec.GlobalRules.Add(new GlobalRuleSpec(id)) };
        }

        configure(new GlobalRuleBuilder(this, id));
        return this;
    }

    public IGatewayBuilder Etcd(string[] hosts, string prefix = "/apisix", int timeout = 30)
    {
        Require.NotNull(hosts, nameof(hosts));
        if (hosts.Length == 0)
        {
            throw Validation.Invalid.Argument("Give at least one etcd host, such as http://etcd:2379.", nameof(hosts));
        }

        foreach (var host in hosts)
        {
            GatewayRequire.EtcdHost(host, nameof(hosts));
        }

        Require.NotEmpty(prefix, "An etcd prefix", nameof(prefix));
        if (prefix[0] != '/')
        {
            throw Validation.Invalid.Argument($"The etcd prefix '{prefix}' must start with '/', such as /apisix.", nameof(prefix));
        }

        Require.AtLeast(timeout, 1, "The etcd timeout (seconds)", nameof(timeout));
        Record("Etcd");
        Spec = Spec with { Etcd = new EtcdSpec(hosts.ToValueList(), prefix, timeout) };
        return this;
    }

    public IGatewayBuilder RealIp(string header, params string[] from)
    {
        GatewayRequire.Token(header, "A real IP header", nameof(header));
        Require.NotNull(from, nameof(from));
        if (from.Length == 0)
        {
            throw Validation.Invalid.Argument("Give the address ranges of the trusted proxies, such as 10.0.0.0/8.", nameof(from));
        }

        foreach (var range in from)
        {
            GatewayRequire.Token(range, "A trusted address range", nameof(from));
        }

        Record("RealIp");
        Spec = Spec with { RealIp = new RealIpSpec(header, from.ToValueList()) };
        return this;
    }

    public IGatewayBuilder AdminApi(string keyVariable, params string[] allowFrom)
    {
        if (!Names.IsEnvironmentVariableName(keyVariable))
        {
            throw Validation.Invalid.Argument($"'{keyVariable}' is not a variable name: the Admin API key is read from an environment variable such as APISIX_ADMIN_KEY.", nameof(keyVariable));
        }

        Require.NotNull(allowFrom, nameof(allowFrom));
        if (allowFrom.Length == 0)
        {
            throw Validation.Invalid.Argument("Give the address ranges that may call the Admin API, such as 10.0.0.0/8 for the stack's overlay network.", nameof(allowFrom));
        }

        foreach (var range in allowFrom)
        {
            GatewayRequire.Token(range, "An Admin API address range", nameof(allowFrom));
        }

        Record("AdminApi");
        Spec = Spec with { AdminApi = new AdminApiSpec(keyVariable, allowFrom.ToValueList()) };
        return this;
    }

    // Gateway objects merge by id, so setting one again is how a profile or a helper adds to it, not a conflict.
    internal void Record(string key) => _scope.Record("gateway", Spec.Service, key, changed: false);

    internal void Update(Func<GatewaySpec, GatewaySpec> change) => Spec = change(Spec);
}

/// <summary>Records one upstream into its gateway.</summary>
internal sealed class UpstreamBuilder : IUpstreamBuilder
{
    private static readonly string[] Schemes = { "http", "https", "grpc", "grpcs", "tcp", "tls", "udp", "kafka" };
    private static readonly string[] HashOns = { "vars", "header", "cookie", "consumer", "vars_combinations" };

    private readonly GatewayBuilder _gateway;
    private readonly string _id;

    public UpstreamBuilder(GatewayBuilder gateway, string id)
    {
        _gateway = gateway;
        _id = id;
    }

    public IUpstreamBuilder Name(string name) =>
        Set("Name", u => u with { Name = Require.NotEmpty(name, "An upstream name", nameof(name)) });

    public IUpstreamBuilder Node(string host, int port, int weight = 1)
    {
        GatewayRequire.Token(host, "A node host", nameof(host));
        Require.Port(port, nameof(port));
        Require.AtLeast(weight, 0, "A node weight", nameof(weight));
        var node = new UpstreamNode(host, port, weight);
        return Set("Node:" + host, u => u with { Nodes = u.Nodes.Upsert(n => n.Host == host && n.Port == port, node) });
    }

    public IUpstreamBuilder RoundRobin() => Set("Balancer", u => u with { Balancer = UpstreamBalancer.RoundRobin, Key = null, HashOn = null });

    public IUpstreamBuilder ConsistentHash(string key, string? hashOn = null)
    {
        Require.NotEmpty(key, "A consistent-hash key", nameof(key));
        if (hashOn is not null && !HashOns.Contains(hashOn, StringComparer.Ordinal))
        {
            throw Validation.Invalid.Argument($"'{hashOn}' is not a hash_on: use {string.Join(", ", HashOns)}.", nameof(hashOn));
        }

        return Set("Balancer", u => u with { Balancer = UpstreamBalancer.Chash, Key = key, HashOn = hashOn });
    }

    public IUpstreamBuilder Balancer(UpstreamBalancer balancer)
    {
        if (balancer == UpstreamBalancer.Chash)
        {
            throw Validation.Invalid.Argument("Use ConsistentHash(key) for chash: it needs a key.", nameof(balancer));
        }

        GatewayRequire.Defined(balancer, nameof(balancer));
        return Set("Balancer", u => u with { Balancer = balancer, Key = null, HashOn = null });
    }

    public IUpstreamBuilder Timeout(int connect, int send, int read)
    {
        Require.AtLeast(connect, 1, "The connect timeout (seconds)", nameof(connect));
        Require.AtLeast(send, 1, "The send timeout (seconds)", nameof(send));
        Require.AtLeast(read, 1, "The read timeout (seconds)", nameof(read));
        return Set("Timeout", u => u with { Timeout = new UpstreamTimeout(connect, send, read) });
    }

    public IUpstreamBuilder Scheme(string scheme)
    {
        if (scheme is null || !Schemes.Contains(scheme, StringComparer.Ordinal))
        {
            throw Validation.Invalid.Argument($"'{scheme}' is not an upstream scheme: use {string.Join(", ", Schemes)}.", nameof(scheme));
        }

        return Set("Scheme", u => u with { Scheme = scheme });
    }

    public IUpstreamBuilder HealthCheck(string httpPath, int interval = 5, int healthySuccesses = 2, int unhealthyFailures = 3)
    {
        GatewayRequire.Path(httpPath, "A health check path", nameof(httpPath));
        Require.AtLeast(interval, 1, "The health check interval (seconds)", nameof(interval));
        Require.AtLeast(healthySuccesses, 1, "Healthy successes", nameof(healthySuccesses));
        Require.AtLeast(unhealthyFailures, 1, "Unhealthy failures", nameof(unhealthyFailures));
        return Set("HealthCheck", u => u with { HealthCheck = new HealthCheckSpec(httpPath, interval, healthySuccesses, unhealthyFailures) });
    }

    private IUpstreamBuilder Set(string key, Func<UpstreamSpec, UpstreamSpec> change)
    {
        _gateway.Record("Upstream:" + _id + ":" + key);
        _gateway.Update(g => g with { Upstreams = g.Upstreams.Upsert(u => u.Id == _id, change(g.Upstreams.First(u => u.Id == _id))) });
        return this;
    }
}

/// <summary>Records one route into its gateway.</summary>
internal sealed class RouteBuilder : PluginRuleBuilder<IRouteBuilder>, IRouteBuilder
{
    private static readonly string[] HttpMethods = { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE", "PURGE" };

    private readonly GatewayBuilder _gateway;
    private readonly string _id;

    public RouteBuilder(GatewayBuilder gateway, string id)
    {
        _gateway = gateway;
        _id = id;
    }

    public IRouteBuilder Name(string name) => Set("Name", r => r with { Name = Require.NotEmpty(name, "A route name", nameof(name)) });

    public IRouteBuilder Uri(params string[] patterns)
    {
        Require.NotNull(patterns, nameof(patterns));
        if (patterns.Length == 0)
        {
            throw Validation.Invalid.Argument("Give at least one uri pattern, such as /v1/auth/*.", nameof(patterns));
        }

        foreach (var pattern in patterns)
        {
            GatewayRequire.Path(pattern, "A uri pattern", nameof(patterns));
        }

        return Set("Uri", r => r with { Uris = r.Uris.AddRange(patterns.Where(p => !r.Uris.Contains(p))) });
    }

    public IRouteBuilder Methods(params string[] methods)
    {
        Require.NotNull(methods, nameof(methods));
        foreach (var method in methods)
        {
            if (method is null || !HttpMethods.Contains(method, StringComparer.Ordinal))
            {
                throw Validation.Invalid.Argument($"'{method}' is not an HTTP method APISIX routes on: use {string.Join(", ", HttpMethods)}.", nameof(methods));
            }
        }

        return Set("Methods", r => r with { Methods = methods.Distinct(StringComparer.Ordinal).ToValueList() });
    }

    public IRouteBuilder Upstream(string upstreamId)
    {
        GatewayRequire.Id(upstreamId, nameof(upstreamId));
        return Set("Upstream", r => r with { Upstream = upstreamId });
    }

    public IRouteBuilder WebSocket() => Set("WebSocket", r => r with { WebSocket = true });

    private protected override IRouteBuilder SetPlugin(string call, PluginSpec plugin) =>
        Set(call, r => r with { Plugins = Plugins.With(r.Plugins, plugin) });

    private IRouteBuilder Set(string key, Func<RouteSpec, RouteSpec> change)
    {
        _gateway.Record("Route:" + _id + ":" + key);
        _gateway.Update(g => g with { Routes = g.Routes.Upsert(r => r.Id == _id, change(g.Routes.First(r => r.Id == _id))) });
        return this;
    }
}

/// <summary>Records one global rule into its gateway.</summary>
internal sealed class GlobalRuleBuilder : PluginRuleBuilder<IGlobalRuleBuilder>, IGlobalRuleBuilder
{
    private readonly GatewayBuilder _gateway;
    private readonly string _id;

    public GlobalRuleBuilder(GatewayBuilder gateway, string id)
    {
        _gateway = gateway;
        _id = id;
    }

    private protected override IGlobalRuleBuilder SetPlugin(string call, PluginSpec plugin) =>
        Set(call, r => r with { Plugins = Plugins.With(r.Plugins, plugin) });

    private IGlobalRuleBuilder Set(string key, Func<GlobalRuleSpec, GlobalRuleSpec> change)
    {
        _gateway.Record("GlobalRule:" + _id + ":" + key);
        _gateway.Update(g => g with { GlobalRules = g.GlobalRules.Upsert(r => r.Id == _id, change(g.GlobalRules.First(r => r.Id == _id))) });
        return this;
    }
}

/// <summary>The plugin records both routes and global rules build, validated once.</summary>
internal static class Plugins
{
    public static ValueList<PluginSpec> With(ValueList<PluginSpec> plugins, PluginSpec plugin) =>
        plugins.Upsert(p => p.Name == plugin.Name, plugin);

    public static LimitConnSpec LimitConn(int conn, int burst, double defaultConnDelay, string key, LimitKeyType keyType, int rejectedCode)
    {
        Require.AtLeast(conn, 1, "The connection limit", nameof(conn));
        Require.AtLeast(burst, 0, "The burst", nameof(burst));
        if (!(defaultConnDelay > 0) || double.IsInfinity(defaultConnDelay))
        {
            throw Validation.Invalid.Argument("The default connection delay must be a positive number of seconds, such as 0.1.", nameof(defaultConnDelay));
        }

        Require.NotEmpty(key, "A rate-limit key", nameof(key));
        GatewayRequire.Defined(keyType, nameof(keyType));
        GatewayRequire.RejectedCode(rejectedCode, nameof(rejectedCode));
        return new LimitConnSpec(conn, burst, defaultConnDelay) { Key = key, KeyType = keyType, RejectedCode = rejectedCode };
    }
}
