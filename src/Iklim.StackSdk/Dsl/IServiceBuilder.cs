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

    /// <summary>
    /// One <c>env_file</c>: the docker client reads the file when the stack is deployed and adds its variables to the
    /// service's environment (a later file wins over an earlier one, an <see cref="Environment(string, string)"/> of
    /// the same name wins over every file). A relative path is relative to the stack project's folder; the build
    /// writes it relative to the deploy folder, and a file that does not exist when the project builds is an error
    /// (IKS0906). An absolute path, or one built with <see cref="Env.Var(string)"/>, names a file on the deploying
    /// machine and is written as it is; a <c>~</c> path is refused, since Docker does not expand it here. Repeatable,
    /// order kept; naming a file again keeps its first place. A profile's files are appended to the base's.
    /// </summary>
    /// <remarks>
    /// The build never reads the file: no value of it reaches an artefact, and a <c>${VAR}</c> inside it is not
    /// interpolated (Docker does not either). For the same reason the rules cannot see its variables: a password set
    /// in an env file is not reported as plain environment (IKS0108) nor its default (IKS0112), and a Sentinel quorum
    /// set there is not judged (IKS0106); nor is it seen that an empty value a profile gives a variable
    /// (<c>.Environment("X", "")</c>) does not override a value the base's env file gives it (Docker's rule for an
    /// empty overlay value). The
    /// values still land in the service spec as plain environment, readable with <c>docker service inspect</c>; use
    /// <see cref="Secret(string, string?, string?, string?, string?)"/> for secrets.
    /// </remarks>
    /// <example><code>.EnvFile("./env/api.env")</code></example>
    IServiceBuilder EnvFile(string path);

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

    /// <summary>Publishes <paramref name="target"/> on a port Swarm picks from its range (30000 and up): a port entry with no <c>published</c>.</summary>
    /// <example><code>.TargetPort(9100)</code></example>
    IServiceBuilder TargetPort(int target, PortProtocol protocol = PortProtocol.Tcp, PortMode mode = PortMode.Ingress);

    /// <summary>Publishes <paramref name="count"/> consecutive ports, <paramref name="published"/>.. onto <paramref name="target"/>..: one port entry each, as Docker expands <c>9000-9002:9000-9002</c>.</summary>
    /// <example><code>.PortRange(9000, 9000, 3)</code></example>
    IServiceBuilder PortRange(int published, int target, int count, PortProtocol protocol = PortProtocol.Tcp, PortMode mode = PortMode.Ingress);

    /// <summary>One <c>driver_opts</c> entry of the service's attachment to <paramref name="network"/> (attaching it if needed). Docker ignores it in an overlay for a network the base attaches (IKS0004).</summary>
    /// <example><code>.NetworkDriverOption("iklimco-net", "com.docker.network.endpoint.ifname", "eth1")</code></example>
    IServiceBuilder NetworkDriverOption(string network, string name, string value);

    /// <summary>
    /// Mounts a declared named volume (or an <c>${VAR:-volume}</c> that falls back to one) at <paramref name="target"/>.
    /// <paramref name="noCopy"/> (<c>volume.nocopy</c>) keeps Docker from filling an empty volume with the image's
    /// content at the target; it writes the mount in long syntax as <c>type: volume</c>, so the variable must then
    /// name a volume, not a host path.
    /// </summary>
    /// <example><code>.Volume(Env.Var("GRAFANA_DATA_DIR", "grafana-vl"), "/var/lib/grafana")</code></example>
    /// <example><code>.Volume("pgdata", "/var/lib/postgresql/data", noCopy: true)</code></example>
    IServiceBuilder Volume(string source, string target, bool readOnly = false, bool noCopy = false);

    /// <summary><c>Volume(source, target, readOnly)</c> as 0.1.0 shipped it, kept so code compiled against 0.1.0 still binds; it does what <see cref="Volume(string, string, bool, bool)"/> does with the parameters it lacks left out. Its parameters have no defaults, so a call that omits one resolves to the newer overload alone.</summary>
    IServiceBuilder Volume(string source, string target, bool readOnly);

    /// <summary>
    /// Bind-mounts a host path at <paramref name="target"/>: an absolute path on the node, or a path relative to the
    /// stack project's folder (<c>./caddy</c>), which the build writes relative to the deploy folder.
    /// <paramref name="propagation"/> (<c>bind.propagation</c>) lets mounts made below the path cross into or out of
    /// the container; Docker's default is <see cref="BindPropagation.Rprivate"/>. A shared or slave propagation needs
    /// the path to sit on a shared mount of the node, or the task fails to start (<c>is mounted on / but it is not a
    /// shared mount</c>).
    /// </summary>
    /// <example><code>.Bind("/mnt/storagebox/ssl", "/vault/certs", readOnly: true)</code></example>
    /// <example><code>.Bind("/", "/rootfs", readOnly: true, propagation: BindPropagation.Rslave)</code></example>
    IServiceBuilder Bind(string hostPath, string target, bool readOnly = false, BindPropagation? propagation = null);

    /// <summary><c>Bind(hostPath, target, readOnly)</c> as 0.1.0 shipped it, kept so code compiled against 0.1.0 still binds; it does what <see cref="Bind(string, string, bool, BindPropagation?)"/> does with the parameters it lacks left out. Its parameters have no defaults, so a call that omits one resolves to the newer overload alone.</summary>
    IServiceBuilder Bind(string hostPath, string target, bool readOnly);

    /// <summary>
    /// Mounts a tmpfs (memory of the node, gone when the task stops) at <paramref name="target"/>, at most
    /// <paramref name="size"/> bytes (<c>tmpfs.size</c>; null: no limit but the node's memory). With
    /// <paramref name="readOnly"/> (<c>read_only</c>) Swarm mounts it <c>ro</c>: an empty tmpfs no process can write,
    /// for a path that must exist but stay empty. Docker's stack loader drops <c>tmpfs.mode</c>, so the DSL offers none.
    /// </summary>
    /// <example><code>.Tmpfs("/tmp", size: 64 * 1024 * 1024)</code></example>
    /// <example><code>.Tmpfs("/run/empty", readOnly: true)</code></example>
    IServiceBuilder Tmpfs(string target, long? size = null, bool readOnly = false);

    /// <summary><c>Tmpfs(target, size)</c> as 0.2.0 has it, kept so code compiled against it still binds; it does what <see cref="Tmpfs(string, long?, bool)"/> does with <c>readOnly</c> left out. Its parameters have no defaults, so a call that omits one resolves to the newer overload alone.</summary>
    IServiceBuilder Tmpfs(string target, long? size);

    /// <summary>
    /// Mounts the Swarm cluster (CSI) volume <paramref name="volume"/>, which the stack declares with
    /// <c>stack.Volume(name)</c>, at <paramref name="target"/> (<c>type: cluster</c>). Docker mounts
    /// <c>&lt;stack&gt;_&lt;volume&gt;</c>, or the declared volume's <c>.Named(...)</c> name, or, for an <c>.External()</c>
    /// volume, its own name; the volume's driver, options and labels play no part. <c>docker stack deploy</c>
    /// creates no volume and reads no <c>x-cluster-spec</c>: create the cluster volume beforehand with
    /// <c>docker volume create --driver &lt;csi plugin&gt; --scope ... --sharing ...</c> under that name. Swarm's
    /// cluster volumes need Docker Engine 23.0 or later; an older engine refuses the service
    /// (<c>invalid MountType: "cluster"</c>).
    /// </summary>
    /// <example><code>.ClusterVolume("pgdata", "/var/lib/postgresql/data")</code></example>
    IServiceBuilder ClusterVolume(string volume, string target, bool readOnly = false);

    /// <summary>
    /// Mounts any free cluster (CSI) volume of the volume group <paramref name="group"/> at <paramref name="target"/>
    /// (<c>type: cluster</c>, <c>source: group:&lt;group&gt;</c>): each task gets a volume of the group, made beforehand
    /// with <c>docker volume create --group &lt;group&gt; ...</c>. The group is not declared in the stack and not prefixed
    /// with the stack's name. Needs Docker Engine 23.0 or later, as <see cref="ClusterVolume"/> does.
    /// </summary>
    /// <example><code>.ClusterVolumeGroup("pg", "/var/lib/postgresql/data")</code></example>
    IServiceBuilder ClusterVolumeGroup(string group, string target, bool readOnly = false);

    /// <summary>
    /// Windows nodes only: mounts the node's named pipe <paramref name="pipe"/> into the container as the pipe
    /// <paramref name="target"/> (<c>type: npipe</c>), both written <c>\\.\pipe\&lt;name&gt;</c> (or
    /// <c>//./pipe/&lt;name&gt;</c>). The common use is the Windows Docker engine's own pipe,
    /// <c>\\.\pipe\docker_engine</c>, for a container that drives Docker. A Linux node has no named pipes: its
    /// engine rejects every task (measured: <c>invalid mount config for type "npipe": mount type unknown</c>), so
    /// constrain the service with <c>node.platform.os == windows</c>. The Windows engine refuses a read-only pipe and
    /// bind options on it, so the DSL offers neither.
    /// </summary>
    /// <example><code>.NamedPipe(@"\\.\pipe\docker_engine", @"\\.\pipe\docker_engine")</code></example>
    IServiceBuilder NamedPipe(string pipe, string target);

    /// <summary>
    /// Grants a declared secret, mounted at <c>/run/secrets/&lt;name&gt;</c> unless <paramref name="target"/> is given:
    /// an absolute path, or a bare file name under <c>/run/secrets/</c>. <paramref name="uid"/>, <paramref name="gid"/>
    /// and <paramref name="mode"/> (octal, as <c>chmod</c> takes it) set the file's owner and permissions; Docker's
    /// defaults are 0, 0 and 0444.
    /// </summary>
    /// <example><code>.Secret("rabbitmq_erlang_cookie")</code></example>
    /// <example><code>.Secret("db_password", "postgres_password", uid: "999", gid: "999", mode: "0400")</code></example>
    IServiceBuilder Secret(string name, string? target = null, string? uid = null, string? gid = null, string? mode = null);

    /// <summary><c>Secret(name, target)</c> as 0.1.0 shipped it, kept so code compiled against 0.1.0 still binds; it does what <see cref="Secret(string, string?, string?, string?, string?)"/> does with the parameters it lacks left out. Its parameters have no defaults, so a call that omits one resolves to the newer overload alone.</summary>
    IServiceBuilder Secret(string name, string? target);

    /// <summary>
    /// Mounts a declared config, at <c>/&lt;name&gt;</c> unless <paramref name="target"/> is given: an absolute path,
    /// or a bare file name under <c>/</c>. <paramref name="uid"/>, <paramref name="gid"/> and <paramref name="mode"/>
    /// (octal) as for <see cref="Secret(string, string?, string?, string?, string?)"/>.
    /// </summary>
    /// <example><code>.Config("apisix_config", "/usr/local/apisix/conf/config.yaml")</code></example>
    /// <example><code>.Config("prometheus_config", "/etc/prometheus/prometheus.yml", mode: "0440")</code></example>
    IServiceBuilder Config(string name, string? target = null, string? uid = null, string? gid = null, string? mode = null);

    /// <summary><c>Config(name, target)</c> as 0.1.0 shipped it, kept so code compiled against 0.1.0 still binds; it does what <see cref="Config(string, string?, string?, string?, string?)"/> does with the parameters it lacks left out. Its parameters have no defaults, so a call that omits one resolves to the newer overload alone.</summary>
    IServiceBuilder Config(string name, string? target);

    /// <summary><c>healthcheck</c>.</summary>
    /// <example><code>.Healthcheck(new[] { "CMD", "redis-cli", "ping" }, interval: "10s", retries: 3)</code></example>
    IServiceBuilder Healthcheck(string[] test, string? interval = null, string? timeout = null, int? retries = null, string? startPeriod = null);

    /// <summary><c>healthcheck.start_interval</c>: how often to check during the start period (Go duration).</summary>
    /// <example><code>.HealthcheckStartInterval("2s")</code></example>
    IServiceBuilder HealthcheckStartInterval(string duration);

    /// <summary><c>healthcheck.disable: true</c>: no health check, not even the image's. Docker cannot combine it with a base's test (IKS0004).</summary>
    /// <example><code>.DisableHealthcheck()</code></example>
    IServiceBuilder DisableHealthcheck();

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

    /// <summary><c>deploy.mode: replicated-job</c>: <paramref name="completions"/> tasks run to completion (<c>replicas</c>, which Docker also uses as the concurrency).</summary>
    /// <example><code>.ReplicatedJob(1)</code></example>
    IServiceBuilder ReplicatedJob(int completions = 1);

    /// <summary><c>deploy.mode: global-job</c>: one task runs to completion on each eligible node.</summary>
    /// <example><code>.GlobalJob()</code></example>
    IServiceBuilder GlobalJob();

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

    /// <summary><c>deploy.update_config.max_failure_ratio</c>: the share of failed tasks (above 0, at most 1) an update tolerates.</summary>
    /// <example><code>.UpdateFailureRatio(0.25)</code></example>
    IServiceBuilder UpdateFailureRatio(double ratio);

    /// <summary><c>deploy.rollback_config.max_failure_ratio</c>.</summary>
    /// <example><code>.RollbackFailureRatio(0.25)</code></example>
    IServiceBuilder RollbackFailureRatio(double ratio);

    /// <summary><c>deploy.resources.limits.pids</c>: the most processes a task may run.</summary>
    /// <example><code>.PidsLimit(512)</code></example>
    IServiceBuilder PidsLimit(int pids);

    /// <summary><c>deploy.resources.limits</c>.</summary>
    /// <example><code>.Limits(cpus: "1.0", memory: "512M")</code></example>
    IServiceBuilder Limits(string? cpus = null, string? memory = null);

    /// <summary><c>deploy.resources.reservations</c>.</summary>
    /// <example><code>.Reservations(cpus: "0.25", memory: "128M")</code></example>
    IServiceBuilder Reservations(string? cpus = null, string? memory = null);

    /// <summary>
    /// One <c>deploy.resources.reservations.generic_resources</c> entry: each task reserves <paramref name="value"/>
    /// units of <paramref name="kind"/>, a resource nodes advertise (<c>dockerd --node-generic-resource gpu=2</c>);
    /// where no node has enough left, tasks stay pending. A second call for a kind replaces its value. Docker appends an
    /// overlay's entries to the base's, so a profile can add a kind but not change one the base reserves (IKS0004).
    /// </summary>
    /// <example><code>.GenericResource("gpu", 1)</code></example>
    IServiceBuilder GenericResource(string kind, long value);

    /// <summary>One <c>extra_hosts</c> entry: <paramref name="hostname"/> resolves to <paramref name="address"/> in the container. Appended in overlays.</summary>
    /// <example><code>.ExtraHost("db.internal", "10.0.0.5")</code></example>
    IServiceBuilder ExtraHost(string hostname, string address);

    /// <summary>One <c>dns</c> name server (an IP address). Appended in overlays.</summary>
    /// <example><code>.Dns("10.0.0.2")</code></example>
    IServiceBuilder Dns(string address);

    /// <summary>One <c>dns_search</c> domain. Appended in overlays.</summary>
    /// <example><code>.DnsSearch("iklim.internal")</code></example>
    IServiceBuilder DnsSearch(string domain);

    /// <summary>One <c>cap_add</c> capability (<c>NET_ADMIN</c>). Appended in overlays.</summary>
    /// <example><code>.CapAdd("NET_BIND_SERVICE")</code></example>
    IServiceBuilder CapAdd(string capability);

    /// <summary>One <c>cap_drop</c> capability (<c>ALL</c>). Appended in overlays.</summary>
    /// <example><code>.CapDrop("ALL")</code></example>
    IServiceBuilder CapDrop(string capability);

    /// <summary>One <c>sysctls</c> entry, merged by key in overlays.</summary>
    /// <example><code>.Sysctl("net.core.somaxconn", "1024")</code></example>
    IServiceBuilder Sysctl(string name, string value);

    /// <summary>One <c>ulimits</c> entry; <paramref name="hard"/> defaults to <paramref name="soft"/>. An overlay's entry replaces the base's whole.</summary>
    /// <example><code>.Ulimit("nofile", 65535)</code></example>
    IServiceBuilder Ulimit(string name, int soft, int? hard = null);

    /// <summary><c>init: true</c>: an init process reaps zombies and forwards signals. Docker's merge cannot switch it off again in an overlay.</summary>
    /// <example><code>.Init()</code></example>
    IServiceBuilder Init();

    /// <summary><c>read_only: true</c>: a read-only root filesystem. Docker's merge cannot switch it off again in an overlay.</summary>
    /// <example><code>.ReadOnly()</code></example>
    IServiceBuilder ReadOnly();

    /// <summary><c>tty: true</c>. Docker's merge cannot switch it off again in an overlay.</summary>
    /// <example><code>.Tty()</code></example>
    IServiceBuilder Tty();

    /// <summary><c>stdin_open: true</c>. Docker's merge cannot switch it off again in an overlay.</summary>
    /// <example><code>.StdinOpen()</code></example>
    IServiceBuilder StdinOpen();

    /// <summary><c>stop_signal</c> (<c>SIGQUIT</c>).</summary>
    /// <example><code>.StopSignal("SIGQUIT")</code></example>
    IServiceBuilder StopSignal(string signal);

    /// <summary>
    /// <c>isolation</c>, for Windows nodes only: <see cref="StackSdk.Isolation.Process"/> shares the node's kernel,
    /// <see cref="StackSdk.Isolation.HyperV"/> runs the container in its own utility VM. A Linux engine takes only
    /// <see cref="StackSdk.Isolation.Default"/> and fails every task of a service asking for another (see
    /// docs/compose-coverage.md). An overlay's value replaces the base's.
    /// </summary>
    /// <example><code>.Isolation(Isolation.HyperV)</code></example>
    IServiceBuilder Isolation(Isolation isolation);

    /// <summary>
    /// <c>credential_spec.config</c>, for Windows gMSA only: the container's credential spec is the content of the stack
    /// config <paramref name="config"/> (declare it with <c>stack.Config(name).File(...)</c>). Docker puts the config's
    /// ID in the service's credential spec and gives the service a runtime reference to it; the config is not mounted.
    /// A Linux engine never reads a credential spec. One credential source per service: a second kind is refused here,
    /// and a profile naming another kind than its base's is IKS0004 (Docker's merge would keep both).
    /// </summary>
    /// <example><code>.CredentialSpecConfig("gmsa-credspec")</code></example>
    IServiceBuilder CredentialSpecConfig(string config);

    /// <summary>
    /// <c>credential_spec.file</c>, for Windows gMSA only: the credential spec is read from <paramref name="fileName"/>
    /// below the Windows engine's <c>CredentialSpecs</c> folder (<c>C:\ProgramData\docker\CredentialSpecs</c>) on the
    /// node that runs the task; an absolute path or one leaving that folder is refused, as the engine refuses it. A Linux
    /// engine ignores it. One credential source per service.
    /// </summary>
    /// <example><code>.CredentialSpecFile("app01.json")</code></example>
    IServiceBuilder CredentialSpecFile(string fileName);

    /// <summary>
    /// <c>credential_spec.registry</c>, for Windows gMSA only: the credential spec is the value <paramref name="valueName"/>
    /// under the node's <c>HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Virtualization\Containers\CredentialSpecs</c>
    /// registry key. A Linux engine ignores it. One credential source per service.
    /// </summary>
    /// <example><code>.CredentialSpecRegistry("app01")</code></example>
    IServiceBuilder CredentialSpecRegistry(string valueName);

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
