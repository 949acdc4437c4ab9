namespace Iklim.StackSdk.Model;

/// <summary>
/// An APISIX gateway: the service that runs it, what its <c>init.sh</c> puts into the Admin API (upstreams, routes,
/// global rules) and what its <c>config.yaml</c> says (etcd, real IP). In a profile, only what the profile changes:
/// the merge rules are <see cref="Merging.GatewayMerge"/>'s.
/// </summary>
public sealed record GatewaySpec(string Service)
{
    /// <summary>Upstreams, in declaration order.</summary>
    public ValueList<UpstreamSpec> Upstreams { get; init; }

    /// <summary>Routes, in declaration order.</summary>
    public ValueList<RouteSpec> Routes { get; init; }

    /// <summary>Global rules, in declaration order.</summary>
    public ValueList<GlobalRuleSpec> GlobalRules { get; init; }

    /// <summary><c>deployment.etcd</c> of config.yaml; null when unset.</summary>
    public EtcdSpec? Etcd { get; init; }

    /// <summary><c>nginx_config.http.real_ip_*</c> of config.yaml; null when unset.</summary>
    public RealIpSpec? RealIp { get; init; }

    /// <summary><c>deployment.admin</c> of config.yaml: who may call the Admin API, with which key; null when unset.</summary>
    public AdminApiSpec? AdminApi { get; init; }
}

/// <summary>An upstream: <c>PUT /upstreams/{id}</c>.</summary>
public sealed record UpstreamSpec(string Id)
{
    /// <summary><c>name</c>; the id when unset.</summary>
    public string? Name { get; init; }

    /// <summary><c>type</c>; roundrobin when null.</summary>
    public UpstreamBalancer? Balancer { get; init; }

    /// <summary><c>hash_on</c> for <see cref="UpstreamBalancer.Chash"/>; APISIX's default (<c>vars</c>) when null.</summary>
    public string? HashOn { get; init; }

    /// <summary><c>key</c> for <see cref="UpstreamBalancer.Chash"/>, such as <c>remote_addr</c>.</summary>
    public string? Key { get; init; }

    /// <summary><c>nodes</c>: <c>host:port</c> with a weight.</summary>
    public ValueList<UpstreamNode> Nodes { get; init; }

    /// <summary><c>timeout</c> in seconds; null when unset.</summary>
    public UpstreamTimeout? Timeout { get; init; }

    /// <summary><c>scheme</c>; http when null.</summary>
    public string? Scheme { get; init; }

    /// <summary><c>checks.active</c>; null when unset.</summary>
    public HealthCheckSpec? HealthCheck { get; init; }
}

/// <summary>One upstream node: <c>"host:port": weight</c>.</summary>
public sealed record UpstreamNode(string Host, int Port, int Weight);

/// <summary>An upstream's <c>timeout</c> in seconds.</summary>
public sealed record UpstreamTimeout(int Connect, int Send, int Read);

/// <summary>A minimal active HTTP health check: probe <see cref="HttpPath"/> every <see cref="Interval"/> seconds.</summary>
public sealed record HealthCheckSpec(string HttpPath, int Interval, int HealthySuccesses, int UnhealthyFailures);

/// <summary>A route: <c>PUT /routes/{id}</c>.</summary>
public sealed record RouteSpec(string Id)
{
    /// <summary><c>name</c>; the id when unset.</summary>
    public string? Name { get; init; }

    /// <summary><c>uris</c>.</summary>
    public ValueList<string> Uris { get; init; }

    /// <summary><c>methods</c>; every method when empty.</summary>
    public ValueList<string> Methods { get; init; }

    /// <summary><c>upstream_id</c>.</summary>
    public string? Upstream { get; init; }

    /// <summary><c>enable_websocket</c>.</summary>
    public bool WebSocket { get; init; }

    /// <summary><c>plugins</c>, at most one of each name.</summary>
    public ValueList<PluginSpec> Plugins { get; init; }
}

/// <summary>A global rule: <c>PUT /global_rules/{id}</c>, plugins that run for every request.</summary>
public sealed record GlobalRuleSpec(string Id)
{
    /// <summary><c>plugins</c>, at most one of each name.</summary>
    public ValueList<PluginSpec> Plugins { get; init; }
}

/// <summary>A plugin of a route or global rule, named as APISIX names it.</summary>
public abstract record PluginSpec(string Name);

/// <summary>
/// <c>limit-count</c>: at most <see cref="Count"/> requests per <see cref="TimeWindow"/> seconds per key.
/// <see cref="RedisPassword"/> is a <c>${VAR}</c> that <c>init.sh</c> reads from its environment.
/// </summary>
public sealed record LimitCountSpec(int Count, int TimeWindow) : PluginSpec("limit-count")
{
    /// <summary><c>key_type</c>.</summary>
    public LimitKeyType KeyType { get; init; }

    /// <summary><c>key</c>.</summary>
    public string Key { get; init; } = "remote_addr";

    /// <summary><c>rejected_code</c>.</summary>
    public int RejectedCode { get; init; } = 429;

    /// <summary><c>policy</c>.</summary>
    public RateLimitPolicy Policy { get; init; }

    /// <summary><c>allow_degradation</c>: let requests through while the counter store is unreachable.</summary>
    public bool AllowDegradation { get; init; }

    /// <summary><c>redis_host</c> (policy redis).</summary>
    public string? RedisHost { get; init; }

    /// <summary><c>redis_port</c> (policy redis).</summary>
    public int? RedisPort { get; init; }

    /// <summary><c>redis_password</c> as <c>${VAR}</c> (policy redis or redis-cluster).</summary>
    public string? RedisPassword { get; init; }

    /// <summary><c>redis_cluster_nodes</c> (policy redis-cluster).</summary>
    public ValueList<string> RedisClusterNodes { get; init; }

    /// <summary><c>redis_cluster_name</c> (policy redis-cluster).</summary>
    public string? RedisClusterName { get; init; }
}

/// <summary><c>limit-conn</c>: at most <see cref="Conn"/> concurrent requests per key, plus <see cref="Burst"/> delayed ones.</summary>
public sealed record LimitConnSpec(int Conn, int Burst, double DefaultConnDelay) : PluginSpec("limit-conn")
{
    /// <summary><c>key_type</c>.</summary>
    public LimitKeyType KeyType { get; init; }

    /// <summary><c>key</c>.</summary>
    public string Key { get; init; } = "remote_addr";

    /// <summary><c>rejected_code</c>.</summary>
    public int RejectedCode { get; init; } = 503;
}

/// <summary><c>deployment.etcd</c>: where APISIX keeps its configuration.</summary>
public sealed record EtcdSpec(ValueList<string> Hosts, string Prefix, int Timeout);

/// <summary><c>nginx_config.http.real_ip_header</c> and <c>real_ip_from</c>: which proxies may tell APISIX the client's address.</summary>
public sealed record RealIpSpec(string Header, ValueList<string> From);

/// <summary>
/// <c>deployment.admin</c>: the Admin API key, read by APISIX at start from the environment variable
/// <paramref name="KeyVariable"/> (config.yaml holds <c>${{KeyVariable}}</c>, never the key), and the address ranges
/// allowed to call it (<c>allow_admin</c>).
/// </summary>
public sealed record AdminApiSpec(string KeyVariable, ValueList<string> AllowFrom);
