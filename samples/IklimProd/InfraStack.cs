using Iklim.StackSdk;
using IklimProd.Conventions;

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
        stack.Network(PlatformConventions.Network).External();

        // Named volumes for test; prod points the data dirs at the StorageBox through env vars.
        foreach (var volume in new[] { "swag", "vault", "redis", "rabbitmq", "etcd", "prometheus", "grafana" })
        {
            stack.Volume($"{volume}-vl");
        }

        // The test environment's only node.
        stack.Node("iklim-app-01").Label("type", "service").Role(NodeRole.Manager);

        // The floating IP is bound to iklim-app-01, so SWAG is pinned there and publishes on the host.
        stack.Service("swag")
            .Image("lscr.io/linuxserver/swag:3.1.0")
            .Environment("TZ", "Europe/Istanbul")
            .Environment("URL", "iklim.co")
            .Environment("SUBDOMAINS", "wildcard")
            .Environment("VALIDATION", "dns")
            .Port(80, 80, mode: PortMode.Host)
            .Port(443, 443, mode: PortMode.Host)
            .Volume(Env.Var("SWAG_CONFIG_DIR", "swag-vl"), "/config")
            .OnEdgeNode();

        // Reloads SWAG's certificates on a schedule; two copies would race.
        stack.Service("cert-reloader")
            .Image("docker:27.3-cli")
            .Command("sh", "-c", "while true; do sleep 86400; docker service update --force iklimco_swag; done")
            .Bind("/var/run/docker.sock", "/var/run/docker.sock")
            .OnEdgeNode();

        stack.Service("vault")
            .Image("hashicorp/vault:1.17.6")
            .Command("server")
            .Environment("VAULT_ADDR", "http://127.0.0.1:8200")
            .Volume("vault-vl", "/vault/file")
            .OnServiceNodes();

        stack.Service("apisix")
            .Image("apache/apisix:3.11.0-debian")
            .Environment("APISIX_STAND_ALONE", "false")
            .OnServiceNodes();

        // Steps 3, 4 and 7: what init/apisix-core/init.sh puts into the Admin API, and config/apisix/config.yaml.
        // Test keeps the standalone etcd and counts rate limits in the single gateway's memory.
        stack.Gateway("apisix")
            .Etcd(["http://etcd:2379"], prefix: "/apisix", timeout: 30)
            .RealIp("X-Forwarded-For", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
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
            .OnServiceNodes();

        stack.Service("redis")
            .Image("redis:7.2-alpine")
            .Stateful()
            .Volume("redis-vl", "/data")
            .OnServiceNodes();

        stack.Service("rabbitmq")
            .Image("rabbitmq:3.13-management")
            .Volume("rabbitmq-vl", "/var/lib/rabbitmq")
            .OnServiceNodes();

        // Idle in prod (APISIX uses the Patroni etcd there); an overlay cannot remove a service.
        stack.Service("etcd")
            .Image("quay.io/coreos/etcd:v3.5.17")
            .Command(
                "etcd",
                "--data-dir=/etcd-data",
                "--listen-client-urls=http://0.0.0.0:2379",
                "--advertise-client-urls=http://etcd:2379")
            .Volume("etcd-vl", "/etcd-data")
            .OnServiceNodes();

        stack.Service("prometheus")
            .Image("prom/prometheus:v2.55.1")
            .Volume(Env.Var("PROMETHEUS_DATA_DIR", "prometheus-vl"), "/prometheus")
            .OnServiceNodes();

        stack.Service("grafana")
            .Image("grafana/grafana:11.3.1")
            .Volume(Env.Var("GRAFANA_DATA_DIR", "grafana-vl"), "/var/lib/grafana")
            .OnServiceNodes();

        stack.Profile("prod", prod =>
        {
            prod.ServiceNodesNamed("iklim-app-02", "iklim-app-03");
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
                .OnePerNode(3);

            // Step 3: the gateway and its dashboard are stateless; config lives in etcd.
            prod.Service("apisix").OnePerNode(3);
            prod.Service("apisix-dashboard").OnePerNode(3);

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
                .Route("auth", route => route.SharedLimit(12, 60))
                .Route("users", route => route.SharedLimit(12, 60))
                .GlobalRule("1", rule => rule.SharedLimit(60, 60));

            // Step 5: Redis Sentinel. The master is not pinned: it reschedules on node failure (the summary table).
            prod.Service("redis")
                .Image("bitnami/redis:7.4.2")
                .Environment("ALLOW_EMPTY_PASSWORD", "no")
                .Environment("REDIS_PASSWORD", Env.Var(RedisConventions.PasswordVariable))
                .Environment("REDIS_REPLICATION_MODE", "master")
                .Replicas(1)
                .RestartAfterAnyExit();

            prod.Service("redis-replica")
                .Image("bitnami/redis:7.4.2")
                .Stateful()
                .Environment("ALLOW_EMPTY_PASSWORD", "no")
                .Environment("REDIS_REPLICATION_MODE", "slave")
                .FollowsRedisMaster()
                .Environment("REDIS_PASSWORD", Env.Var(RedisConventions.PasswordVariable))
                .SpreadOverServiceNodes(2)
                .RestartAfterAnyExit();

            prod.Service("redis-sentinel")
                .Image("bitnami/redis-sentinel:7.4.2")
                .Environment("REDIS_SENTINEL_MASTER_NAME", "prod-master")
                .FollowsRedisMaster()
                .Environment("REDIS_SENTINEL_QUORUM", "2")
                .Environment("REDIS_SENTINEL_DOWN_AFTER_MILLISECONDS", "5000")
                .Environment("REDIS_SENTINEL_FAILOVER_TIMEOUT", "10000")
                .SpreadOverServiceNodes(3)
                .RestartAfterAnyExit();

            // Step 6: RabbitMQ as a 3-node Erlang cluster, one per app node, reachable per node for consistent hashing.
            prod.Service("rabbitmq")
                .Hostname($"rabbitmq-{Swarm.NodeHostname}")
                .Environment("RABBITMQ_ERLANG_COOKIE_FILE", "/run/secrets/rabbitmq_erlang_cookie")
                .Environment("RABBITMQ_USE_LONGNAME", "true")
                .Environment("RABBITMQ_NODENAME", $"rabbit@rabbitmq-{Swarm.NodeHostname}")
                .Secret("rabbitmq_erlang_cookie")
                .Network(PlatformConventions.Network, aliases: $"rabbitmq-{Swarm.NodeHostname}")
                .OnePerNode(3)
                .UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst);
        });
    }
}
