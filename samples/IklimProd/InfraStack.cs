using Iklim.StackSdk;

namespace IklimProd;

/// <summary>
/// The infrastructure stack of iklim.co. The base is the test environment and deploys alone;
/// the prod profile becomes the overlay that Swarm merges over it:
/// <c>docker stack deploy -c docker-stack-infra.yml -c docker-stack-infra.prod.yml iklimco</c>.
/// </summary>
[Stack("iklimco", BaseFile = "docker-stack-infra.yml")]
public sealed class InfraStack : IStackDefinition
{
    public void Configure(IStackBuilder stack)
    {
        stack.Network("iklimco-net").External();

        // Named volumes for test; prod points the data dirs at the StorageBox through env vars.
        stack.Volume("swag-vl");
        stack.Volume("vault-vl");
        stack.Volume("redis-vl");
        stack.Volume("rabbitmq-vl");
        stack.Volume("etcd-vl");
        stack.Volume("prometheus-vl");
        stack.Volume("grafana-vl");

        // The test environment's only node.
        stack.Node("iklim-app-01").Label("type", "service").Role(NodeRole.Manager);

        // The floating IP is bound to iklim-app-01, so SWAG is pinned there and publishes on the host.
        stack.Service("swag")
            .Image("lscr.io/linuxserver/swag:3.1.0")
            .Environment("TZ", "Europe/Istanbul")
            .Environment("URL", "iklim.co")
            .Environment("SUBDOMAINS", "wildcard")
            .Environment("VALIDATION", "dns")
            .Network("iklimco-net")
            .Port(80, 80, mode: PortMode.Host)
            .Port(443, 443, mode: PortMode.Host)
            .Volume(Env.Var("SWAG_CONFIG_DIR", "swag-vl"), "/config")
            .Replicas(1)
            .PinToNode("iklim-app-01")
            .Singleton()
            .Label("project", "co.iklim");

        // Reloads SWAG's certificates on a schedule; two copies would race.
        stack.Service("cert-reloader")
            .Image("docker:27.3.1-cli")
            .Command("sh", "-c", "while true; do sleep 86400; docker service update --force iklimco_swag; done")
            .Bind("/var/run/docker.sock", "/var/run/docker.sock")
            .Network("iklimco-net")
            .Replicas(1)
            .PinToNode("iklim-app-01")
            .Singleton()
            .Label("project", "co.iklim");

        stack.Service("vault")
            .Image("hashicorp/vault:1.17.6")
            .Command("server")
            .Environment("VAULT_ADDR", "http://127.0.0.1:8200")
            .Network("iklimco-net")
            .Volume("vault-vl", "/vault/file")
            .Replicas(1)
            .Constraint("node.labels.type == service")
            .Label("project", "co.iklim");

        stack.Service("apisix")
            .Image("apache/apisix:3.11.0-debian")
            .Environment("APISIX_STAND_ALONE", "false")
            .Network("iklimco-net")
            .Replicas(1)
            .Constraint("node.labels.type == service")
            .Label("project", "co.iklim");

        // Steps 3, 4 and 7: what init/apisix-core/init.sh puts into the Admin API, and config/apisix/config.yaml.
        // Test keeps the standalone etcd and counts rate limits in the single gateway's memory.
        stack.Gateway("apisix")
            .Etcd(["http://etcd:2379"], prefix: "/apisix", timeout: 30)
            .RealIp("X-Forwarded-For", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
            // init.sh runs from another container on iklimco-net, an overlay network: Swarm takes its subnet from the
            // default address pool, 10.0.0.0/8. The key comes from APISIX_ADMIN_KEY at deploy time, as init.sh's API_KEY.
            .AdminApi("APISIX_ADMIN_KEY", "10.0.0.0/8")
            .Upstream("rabbitmq-upstream", upstream => upstream
                .RoundRobin()
                .Node("rabbitmq", 15674)
                .Timeout(connect: 10, send: 3600, read: 3600))
            .Route("ws", route => route
                .Uri("/ws")
                .Upstream("rabbitmq-upstream")
                .WebSocket()
                .LimitConn(5, burst: 0, defaultConnDelay: 0.1))
            .Route("auth", route => route.Uri("/v1/auth/*").LimitCount(12, 60))
            .Route("users", route => route.Uri("/v1/users/*").LimitCount(12, 60))
            .GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true));

        stack.Service("apisix-dashboard")
            .Image("apache/apisix-dashboard:3.0.1-alpine")
            .Network("iklimco-net")
            .Replicas(1)
            .Constraint("node.labels.type == service")
            .Label("project", "co.iklim");

        stack.Service("redis")
            .Image("redis:7.2.5-alpine")
            .Stateful()
            .Network("iklimco-net")
#pragma warning disable IKS0111 // In prod the master moves between the app nodes, as the seed's Step 5 wants; its data is the gateway's rate-limit counters, which a master rescheduled onto an empty volume may lose.
            .Volume("redis-vl", "/data")
#pragma warning restore IKS0111
            .Replicas(1)
            .Constraint("node.labels.type == service")
            .Label("project", "co.iklim");

        stack.Service("rabbitmq")
            .Image("rabbitmq:3.13.7-management")
            .Network("iklimco-net")
            .Volume("rabbitmq-vl", "/var/lib/rabbitmq")
            .Replicas(1)
            .Constraint("node.labels.type == service")
            .Label("project", "co.iklim");

        // Idle in prod (APISIX uses the Patroni etcd there); an overlay cannot remove a service.
        stack.Service("etcd")
            .Image("quay.io/coreos/etcd:v3.5.17")
            .Command(
                "etcd",
                "--data-dir=/etcd-data",
                "--listen-client-urls=http://0.0.0.0:2379",
                "--advertise-client-urls=http://etcd:2379")
            .Network("iklimco-net")
#pragma warning disable IKS0111 // In prod this etcd is idle (Step 4: APISIX uses the Patroni etcd), so data it loses by moving is nobody's.
            .Volume("etcd-vl", "/etcd-data")
#pragma warning restore IKS0111
            .Replicas(1)
            .Constraint("node.labels.type == service")
            .Label("project", "co.iklim");

        stack.Service("prometheus")
            .Image("prom/prometheus:v2.55.1")
            .Network("iklimco-net")
            .Volume(Env.Var("PROMETHEUS_DATA_DIR", "prometheus-vl"), "/prometheus")
            .Replicas(1)
            .Constraint("node.labels.type == service")
            .Label("project", "co.iklim");

        stack.Service("grafana")
            .Image("grafana/grafana:11.3.1")
            .Network("iklimco-net")
            .Volume(Env.Var("GRAFANA_DATA_DIR", "grafana-vl"), "/var/lib/grafana")
            .Replicas(1)
            .Constraint("node.labels.type == service")
            .Label("project", "co.iklim");

        stack.Profile("prod", prod =>
        {
            prod.Node("iklim-app-02").Label("type", "service");
            prod.Node("iklim-app-03").Label("type", "service");
            prod.Secret("rabbitmq_erlang_cookie").External();

            // Step 2: Vault as a 3-node Raft cluster, data on each node's disk, certificates from the StorageBox.
            // The Swarm template inside the JSON is written as the seed has it; Swarm expands it per task.
            prod.Service("vault")
                .Environment("VAULT_LOCAL_CONFIG", """
                    {"api_addr":"https://vault.iklim.co:8200",
                     "cluster_addr":"https://{{ .Node.Hostname }}:8201",
                     "storage":{"raft":{"path":"/vault/file","node_id":"{{ .Node.Hostname }}"}},
                     "listener":[{"tcp":{"address":"0.0.0.0:8200",
                       "tls_cert_file":"/vault/certs/STAR.iklim.co.full.crt",
                       "tls_key_file":"/vault/certs/STAR.iklim.co_key.pem"}}],
                     "default_lease_ttl":"168h","max_lease_ttl":"720h","ui":true}
                    """)
                .Bind("/opt/iklimco/vault/data", "/vault/file")
                .Bind("/mnt/storagebox/ssl", "/vault/certs", readOnly: true)
                .Replicas(3)
                .MaxReplicasPerNode(1);

            // Step 3: the gateway and its dashboard are stateless; config lives in etcd.
            prod.Service("apisix").Replicas(3).MaxReplicasPerNode(1);
            prod.Service("apisix-dashboard").Replicas(3).MaxReplicasPerNode(1);

            // With 3 gateways every limit-count must share its counter in Redis (IKS0102); allow_degradation lets
            // requests through during a Sentinel failover. APISIX uses the Patroni etcd, and reaches RabbitMQ per node
            // (the aliases of Step 6) so that chash on the client address keeps a WebSocket on one node (Step 7).
            prod.Gateway("apisix")
                .Etcd(["http://iklim-db-01:2379", "http://iklim-db-02:2379", "http://iklim-db-03:2379"], prefix: "/apisix", timeout: 30)
                .Upstream("rabbitmq-upstream", upstream => upstream
                    .ConsistentHash("remote_addr")
                    .Node("rabbitmq-iklim-app-01", 15674)
                    .Node("rabbitmq-iklim-app-02", 15674)
                    .Node("rabbitmq-iklim-app-03", 15674))
                .Route("auth", route => route.LimitCount(
                    12, 60, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPort: 6379, redisPassword: Env.Var("REDIS_PASSWORD"), allowDegradation: true))
                .Route("users", route => route.LimitCount(
                    12, 60, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPort: 6379, redisPassword: Env.Var("REDIS_PASSWORD"), allowDegradation: true))
                .GlobalRule("1", rule => rule.LimitCount(
                    60, 60, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPort: 6379, redisPassword: Env.Var("REDIS_PASSWORD"), allowDegradation: true));

            // Step 5: Redis Sentinel. The master is not pinned: it reschedules on node failure (the summary table).
            // The seed's images: bitnamisecure publishes only `latest` for free (no versioned tag, no digest the
            // sample can verify), so the floating tag is kept on exactly these lines (samples/IklimProd/README.md).
            prod.Service("redis")
#pragma warning disable IKS0107 // bitnamisecure/redis publishes only latest; see the README.
                .Image("bitnamisecure/redis:latest")
#pragma warning restore IKS0107
                .Environment("ALLOW_EMPTY_PASSWORD", "no")
                .Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD"))
                .Environment("REDIS_REPLICATION_MODE", "master")
                .Replicas(1)
                .RestartPolicy(RestartCondition.Any, delay: "5s");

            prod.Service("redis-replica")
#pragma warning disable IKS0107 // bitnamisecure/redis publishes only latest; see the README.
                .Image("bitnamisecure/redis:latest")
#pragma warning restore IKS0107
                .Stateful()
                .Environment("ALLOW_EMPTY_PASSWORD", "no")
                .Environment("REDIS_REPLICATION_MODE", "slave")
                .Environment("REDIS_MASTER_HOST", "redis")
                .Environment("REDIS_MASTER_PORT_NUMBER", "6379")
                .Environment("REDIS_MASTER_PASSWORD", Env.Var("REDIS_PASSWORD"))
                .Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD"))
                .Network("iklimco-net")
                .Replicas(2)
                .MaxReplicasPerNode(1)
                .Constraint("node.labels.type == service")
                .Spread("node.hostname")
                .RestartPolicy(RestartCondition.Any, delay: "5s")
                .Label("project", "co.iklim");

            prod.Service("redis-sentinel")
#pragma warning disable IKS0107 // bitnamisecure/redis-sentinel publishes only latest; see the README.
                .Image("bitnamisecure/redis-sentinel:latest")
#pragma warning restore IKS0107
                .Environment("REDIS_SENTINEL_MASTER_NAME", "prod-master")
                .Environment("REDIS_MASTER_HOST", "redis")
                .Environment("REDIS_MASTER_PORT_NUMBER", "6379")
                .Environment("REDIS_MASTER_PASSWORD", Env.Var("REDIS_PASSWORD"))
                .Environment("REDIS_SENTINEL_QUORUM", "2")
                .Environment("REDIS_SENTINEL_DOWN_AFTER_MILLISECONDS", "5000")
                .Environment("REDIS_SENTINEL_FAILOVER_TIMEOUT", "10000")
                .Network("iklimco-net")
                .Replicas(3)
                .MaxReplicasPerNode(1)
                .Constraint("node.labels.type == service")
                .Spread("node.hostname")
                .RestartPolicy(RestartCondition.Any, delay: "5s")
                .Label("project", "co.iklim");

            // Step 6: RabbitMQ as a 3-node Erlang cluster, one per app node, reachable per node for consistent hashing.
            prod.Service("rabbitmq")
                .Hostname($"rabbitmq-{Swarm.NodeHostname}")
                .Environment("RABBITMQ_ERLANG_COOKIE_FILE", "/run/secrets/rabbitmq_erlang_cookie")
                .Environment("RABBITMQ_USE_LONGNAME", "true")
                .Environment("RABBITMQ_NODENAME", $"rabbit@rabbitmq-{Swarm.NodeHostname}")
                .Secret("rabbitmq_erlang_cookie")
                .Network("iklimco-net", aliases: $"rabbitmq-{Swarm.NodeHostname}")
                .Replicas(3)
                .MaxReplicasPerNode(1)
                .UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst);
        });
    }
}
