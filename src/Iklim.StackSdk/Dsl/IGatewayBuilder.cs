using System;

namespace Iklim.StackSdk;

/// <summary>
/// Configures an APISIX gateway: what <c>init/&lt;service&gt;-core/init.sh</c> puts into its Admin API and what
/// <c>config/&lt;service&gt;/config.yaml</c> says. Each call records a setting and returns the builder so calls chain.
/// In a profile a route, upstream or global rule replaces the base's entry with the same id whole, and
/// <see cref="Etcd"/> / <see cref="RealIp"/> replace the base's settings.
/// </summary>
public interface IGatewayBuilder
{
    /// <summary>An upstream (<c>PUT /upstreams/{id}</c>); <paramref name="id"/> is letters, digits, '.', '_' and '-'.</summary>
    /// <example><code>.Upstream("rabbitmq-upstream", up => up.Node("rabbitmq", 15674).Timeout(10, 3600, 3600))</code></example>
    IGatewayBuilder Upstream(string id, Action<IUpstreamBuilder> configure);

    /// <summary>A route (<c>PUT /routes/{id}</c>).</summary>
    /// <example><code>.Route("ws", route => route.Uri("/ws").Upstream("rabbitmq-upstream").WebSocket().LimitConn(5, burst: 0, defaultConnDelay: 0.1))</code></example>
    IGatewayBuilder Route(string id, Action<IRouteBuilder> configure);

    /// <summary>A global rule (<c>PUT /global_rules/{id}</c>): plugins that run for every request.</summary>
    /// <example><code>.GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true))</code></example>
    IGatewayBuilder GlobalRule(string id, Action<IGlobalRuleBuilder> configure);

    /// <summary>The etcd cluster APISIX keeps its configuration in (<c>deployment.etcd</c> of config.yaml).</summary>
    /// <example><code>.Etcd(new[] { "http://iklim-db-01:2379", "http://iklim-db-02:2379" }, prefix: "/apisix", timeout: 30)</code></example>
    IGatewayBuilder Etcd(string[] hosts, string prefix = "/apisix", int timeout = 30);

    /// <summary>Which proxies may tell APISIX the client's address (<c>nginx_config.http.real_ip_header</c>, <c>real_ip_from</c>).</summary>
    /// <example><code>.RealIp("X-Forwarded-For", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")</code></example>
    IGatewayBuilder RealIp(string header, params string[] from);

    /// <summary>
    /// The Admin API that init.sh calls (<c>deployment.admin</c> of config.yaml). APISIX reads the key from the
    /// environment variable <paramref name="keyVariable"/> when it starts: config.yaml holds <c>${{NAME}}</c> and the
    /// gateway's service gets <c>NAME: ${NAME:?...}</c>, so the key is set at deploy time and never written into a
    /// file. Only <paramref name="allowFrom"/> may call the API (<c>allow_admin</c>); without this call APISIX allows
    /// only 127.0.0.0/24, which locks out an init.sh run from another container.
    /// </summary>
    /// <example><code>.AdminApi("APISIX_ADMIN_KEY", "10.0.0.0/8")   // Swarm's default overlay address pool</code></example>
    IGatewayBuilder AdminApi(string keyVariable, params string[] allowFrom);
}

/// <summary>Configures one upstream.</summary>
public interface IUpstreamBuilder
{
    /// <summary><c>name</c> (the id when not given).</summary>
    /// <example><code>.Name("RabbitMQ Web STOMP")</code></example>
    IUpstreamBuilder Name(string name);

    /// <summary>One node <c>host:port</c> with its weight.</summary>
    /// <example><code>.Node("rabbitmq", 15674)</code></example>
    IUpstreamBuilder Node(string host, int port, int weight = 1);

    /// <summary><c>type: roundrobin</c> (the default).</summary>
    /// <example><code>.RoundRobin()</code></example>
    IUpstreamBuilder RoundRobin();

    /// <summary><c>type: chash</c> on <paramref name="key"/>; the nodes must be addressable one by one (IKS0109).</summary>
    /// <example><code>.ConsistentHash("remote_addr")</code></example>
    IUpstreamBuilder ConsistentHash(string key, string? hashOn = null);

    /// <summary><c>type: ewma</c> or <c>least_conn</c>.</summary>
    /// <example><code>.Balancer(UpstreamBalancer.LeastConn)</code></example>
    IUpstreamBuilder Balancer(UpstreamBalancer balancer);

    /// <summary><c>timeout</c> in seconds.</summary>
    /// <example><code>.Timeout(connect: 10, send: 3600, read: 3600)</code></example>
    IUpstreamBuilder Timeout(int connect, int send, int read);

    /// <summary><c>scheme</c>: http (the default), https, grpc, grpcs, tcp, tls, udp.</summary>
    /// <example><code>.Scheme("https")</code></example>
    IUpstreamBuilder Scheme(string scheme);

    /// <summary>An active HTTP health check (<c>checks.active</c>).</summary>
    /// <example><code>.HealthCheck("/healthz", interval: 5)</code></example>
    IUpstreamBuilder HealthCheck(string httpPath, int interval = 5, int healthySuccesses = 2, int unhealthyFailures = 3);
}

/// <summary>Configures one route.</summary>
public interface IRouteBuilder
{
    /// <summary><c>name</c> (the id when not given).</summary>
    /// <example><code>.Name("Auth API")</code></example>
    IRouteBuilder Name(string name);

    /// <summary>Adds uri patterns (<c>uris</c>), such as <c>/v1/auth/*</c>.</summary>
    /// <example><code>.Uri("/v1/auth/*", "/v1/users/*")</code></example>
    IRouteBuilder Uri(params string[] patterns);

    /// <summary>Restricts the route to these HTTP methods (<c>methods</c>).</summary>
    /// <example><code>.Methods("GET", "POST")</code></example>
    IRouteBuilder Methods(params string[] methods);

    /// <summary>The upstream requests go to (<c>upstream_id</c>).</summary>
    /// <example><code>.Upstream("rabbitmq-upstream")</code></example>
    IRouteBuilder Upstream(string upstreamId);

    /// <summary><c>enable_websocket: true</c>.</summary>
    /// <example><code>.WebSocket()</code></example>
    IRouteBuilder WebSocket();

    /// <summary>The <c>limit-count</c> plugin; see <see cref="IGlobalRuleBuilder.LimitCount"/>.</summary>
    /// <example><code>.LimitCount(12, 60)</code></example>
    IRouteBuilder LimitCount(
        int count,
        int timeWindow,
        string key = "remote_addr",
        LimitKeyType keyType = LimitKeyType.Var,
        int rejectedCode = 429,
        RateLimitPolicy policy = RateLimitPolicy.Local,
        string? redisHost = null,
        int? redisPort = null,
        string? redisPassword = null,
        bool allowDegradation = false,
        string[]? redisClusterNodes = null,
        string? redisClusterName = null);

    /// <summary>The <c>limit-conn</c> plugin; see <see cref="IGlobalRuleBuilder.LimitConn"/>.</summary>
    /// <example><code>.LimitConn(5, burst: 0, defaultConnDelay: 0.1)</code></example>
    IRouteBuilder LimitConn(int conn, int burst, double defaultConnDelay, string key = "remote_addr", LimitKeyType keyType = LimitKeyType.Var, int rejectedCode = 503);
}

/// <summary>Configures one global rule.</summary>
public interface IGlobalRuleBuilder
{
    /// <summary>
    /// The <c>limit-count</c> plugin: <paramref name="count"/> requests per <paramref name="timeWindow"/> seconds per key.
    /// With <see cref="RateLimitPolicy.Local"/> every gateway replica counts alone (IKS0102); <see cref="RateLimitPolicy.Redis"/>
    /// needs <paramref name="redisHost"/>, and a password is always a <c>${VAR}</c> that init.sh reads at run time.
    /// </summary>
    /// <example><code>
    /// .LimitCount(60, 60, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPort: 6379,
    ///     redisPassword: Env.Var("REDIS_PASSWORD"), allowDegradation: true)
    /// </code></example>
    IGlobalRuleBuilder LimitCount(
        int count,
        int timeWindow,
        string key = "remote_addr",
        LimitKeyType keyType = LimitKeyType.Var,
        int rejectedCode = 429,
        RateLimitPolicy policy = RateLimitPolicy.Local,
        string? redisHost = null,
        int? redisPort = null,
        string? redisPassword = null,
        bool allowDegradation = false,
        string[]? redisClusterNodes = null,
        string? redisClusterName = null);

    /// <summary>The <c>limit-conn</c> plugin: <paramref name="conn"/> concurrent requests per key, <paramref name="burst"/> more delayed.</summary>
    /// <example><code>.LimitConn(100, burst: 50, defaultConnDelay: 0.1)</code></example>
    IGlobalRuleBuilder LimitConn(int conn, int burst, double defaultConnDelay, string key = "remote_addr", LimitKeyType keyType = LimitKeyType.Var, int rejectedCode = 503);
}
