namespace Iklim.StackSdk;

/// <summary>
/// Configures one service. Each call records a setting and returns the builder so calls chain.
/// In a profile the same calls change the base service, following Docker's merge rules:
/// scalars replace, maps merge by key, constraints and preferences append.
/// </summary>
public interface IServiceBuilder
{
    /// <summary><c>image</c>: a reference with a pinned tag or digest.</summary>
    /// <example><code>.Image("redis:7.2-alpine")</code></example>
    IServiceBuilder Image(string image);

    /// <summary><c>hostname</c>; Swarm templates are kept verbatim.</summary>
    /// <example><code>.Hostname($"rabbitmq-{Swarm.NodeHostname}")</code></example>
    IServiceBuilder Hostname(string hostname);

    /// <summary><c>command</c> in exec form.</summary>
    /// <example><code>.Command("redis-server", "--appendonly", "yes")</code></example>
    IServiceBuilder Command(params string[] arguments);

    /// <summary><c>entrypoint</c> in exec form.</summary>
    /// <example><code>.Entrypoint("/bin/sh", "-c")</code></example>
    IServiceBuilder Entrypoint(params string[] arguments);

    /// <summary><c>user</c>.</summary>
    /// <example><code>.User("1000:1000")</code></example>
    IServiceBuilder User(string user);

    /// <summary><c>working_dir</c>.</summary>
    /// <example><code>.WorkingDir("/app")</code></example>
    IServiceBuilder WorkingDir(string path);

    /// <summary><c>stop_grace_period</c> as a Go duration.</summary>
    /// <example><code>.StopGracePeriod("30s")</code></example>
    IServiceBuilder StopGracePeriod(string duration);

    /// <summary>One <c>environment</c> variable. Use <see cref="Env.Var(string)"/> for values resolved at deploy time.</summary>
    /// <example><code>.Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD"))</code></example>
    IServiceBuilder Environment(string name, string value);

    /// <summary>One container label (<c>labels</c>).</summary>
    /// <example><code>.Label("project", "co.iklim")</code></example>
    IServiceBuilder Label(string name, string value);

    /// <summary>One service label (<c>deploy.labels</c>).</summary>
    /// <example><code>.ServiceLabel("traefik.enable", "false")</code></example>
    IServiceBuilder ServiceLabel(string name, string value);

    /// <summary>Attaches the service to a declared network, optionally with aliases on it.</summary>
    /// <example><code>.Network("iklimco-net", aliases: $"rabbitmq-{Swarm.NodeHostname}")</code></example>
    IServiceBuilder Network(string name, params string[] aliases);

    /// <summary>Publishes <paramref name="target"/> as <paramref name="published"/>.</summary>
    /// <example><code>.Port(443, 443, mode: PortMode.Host)</code></example>
    IServiceBuilder Port(int published, int target, PortProtocol protocol = PortProtocol.Tcp, PortMode mode = PortMode.Ingress);

    /// <summary>Mounts a declared named volume (or an <c>${VAR:-volume}</c> that falls back to one) at <paramref name="target"/>.</summary>
    /// <example><code>.Volume(Env.Var("GRAFANA_DATA_DIR", "grafana-vl"), "/var/lib/grafana")</code></example>
    IServiceBuilder Volume(string source, string target, bool readOnly = false);

    /// <summary>
    /// Bind-mounts a host path at <paramref name="target"/>: an absolute path on the node, or a path relative to the
    /// stack project's folder (<c>./caddy</c>), which the build writes relative to the deploy folder.
    /// </summary>
    /// <example><code>.Bind("/mnt/storagebox/ssl", "/vault/certs", readOnly: true)</code></example>
    IServiceBuilder Bind(string hostPath, string target, bool readOnly = false);

    /// <summary>Grants a declared secret (mounted at <c>/run/secrets/&lt;name&gt;</c> unless <paramref name="target"/> is given).</summary>
    /// <example><code>.Secret("rabbitmq_erlang_cookie")</code></example>
    IServiceBuilder Secret(string name, string? target = null);

    /// <summary>Mounts a declared config, at <paramref name="target"/> if given.</summary>
    /// <example><code>.Config("apisix_config", "/usr/local/apisix/conf/config.yaml")</code></example>
    IServiceBuilder Config(string name, string? target = null);

    /// <summary><c>healthcheck</c>.</summary>
    /// <example><code>.Healthcheck(new[] { "CMD", "redis-cli", "ping" }, interval: "10s", retries: 3)</code></example>
    IServiceBuilder Healthcheck(string[] test, string? interval = null, string? timeout = null, int? retries = null, string? startPeriod = null);

    /// <summary><c>logging.driver</c>: where the service's output goes (<c>json-file</c>, <c>syslog</c>, <c>gelf</c>, ...).</summary>
    /// <example><code>.Logging("json-file")</code></example>
    IServiceBuilder Logging(string driver);

    /// <summary>One <c>logging.options</c> entry of the driver. In an overlay Docker merges the options by key while the driver stays the same, and replaces them all when it changes.</summary>
    /// <example><code>.LoggingOption("max-size", "10m")</code></example>
    IServiceBuilder LoggingOption(string name, string value);

    /// <summary><c>deploy.replicas</c> (replicated mode).</summary>
    /// <example><code>.Replicas(3)</code></example>
    IServiceBuilder Replicas(int replicas);

    /// <summary><c>deploy.mode: global</c>: one task per eligible node.</summary>
    /// <example><code>.Global()</code></example>
    IServiceBuilder Global();

    /// <summary><c>deploy.endpoint_mode</c>.</summary>
    /// <example><code>.EndpointMode(EndpointMode.Dnsrr)</code></example>
    IServiceBuilder EndpointMode(EndpointMode mode);

    /// <summary>One placement constraint (<c>node.labels.type == service</c>). Appended in overlays.</summary>
    /// <example><code>.Constraint("node.labels.type == service")</code></example>
    IServiceBuilder Constraint(string constraint);

    /// <summary>Pins the service to one node: the constraint <c>node.hostname == host</c>.</summary>
    /// <example><code>.PinToNode("iklim-app-01")</code></example>
    IServiceBuilder PinToNode(string hostname);

    /// <summary>A placement preference <c>spread: descriptor</c>.</summary>
    /// <example><code>.Spread("node.hostname")</code></example>
    IServiceBuilder Spread(string descriptor);

    /// <summary><c>deploy.placement.max_replicas_per_node</c>.</summary>
    /// <example><code>.MaxReplicasPerNode(1)</code></example>
    IServiceBuilder MaxReplicasPerNode(int max);

    /// <summary><c>deploy.restart_policy</c>.</summary>
    /// <example><code>.RestartPolicy(RestartCondition.Any, delay: "5s")</code></example>
    IServiceBuilder RestartPolicy(RestartCondition condition, string? delay = null, int? maxAttempts = null, string? window = null);

    /// <summary><c>deploy.update_config</c>.</summary>
    /// <example><code>.UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst)</code></example>
    IServiceBuilder UpdateConfig(int? parallelism = null, string? delay = null, UpdateOrder? order = null, FailureAction? failureAction = null, string? monitor = null);

    /// <summary><c>deploy.rollback_config</c>.</summary>
    /// <example><code>.RollbackConfig(parallelism: 1, order: UpdateOrder.StopFirst)</code></example>
    IServiceBuilder RollbackConfig(int? parallelism = null, string? delay = null, UpdateOrder? order = null, FailureAction? failureAction = null, string? monitor = null);

    /// <summary><c>deploy.resources.limits</c>.</summary>
    /// <example><code>.Limits(cpus: "1.0", memory: "512M")</code></example>
    IServiceBuilder Limits(string? cpus = null, string? memory = null);

    /// <summary><c>deploy.resources.reservations</c>.</summary>
    /// <example><code>.Reservations(cpus: "0.25", memory: "128M")</code></example>
    IServiceBuilder Reservations(string? cpus = null, string? memory = null);

    /// <summary>Policy metadata (not emitted): the service keeps state, so its replicas must not share a node.</summary>
    /// <example><code>.Stateful()</code></example>
    IServiceBuilder Stateful();

    /// <summary>Policy metadata (not emitted): the service must never run twice (a cron-like task, a floating IP holder).</summary>
    /// <example><code>.Singleton()</code></example>
    IServiceBuilder Singleton();

    /// <summary>In a profile: stop the service there (<c>replicas: 0</c>); Docker cannot remove a base service.</summary>
    /// <example><code>prod.Service("etcd").Disable();</code></example>
    IServiceBuilder Disable();

    /// <summary>Asks to drop an environment variable. In a profile Docker cannot do that: reported as IKS0004.</summary>
    /// <example><code>.RemoveEnvironment("DEBUG")</code></example>
    IServiceBuilder RemoveEnvironment(string name);

    /// <summary>Asks to drop a placement constraint. In a profile Docker cannot do that: reported as IKS0004.</summary>
    /// <example><code>.RemoveConstraint("node.labels.type == service")</code></example>
    IServiceBuilder RemoveConstraint(string constraint);

    /// <summary>Asks to drop a published port. In a profile Docker cannot do that: reported as IKS0004.</summary>
    /// <example><code>.RemovePort(8200)</code></example>
    IServiceBuilder RemovePort(int published);

    /// <summary>Asks to drop a mount by its target. In a profile Docker cannot do that: reported as IKS0004.</summary>
    /// <example><code>.RemoveVolume("/data")</code></example>
    IServiceBuilder RemoveVolume(string target);
}
