using Iklim.StackSdk;

namespace IklimProd.Mistakes;

/// <summary>
/// What goes wrong when the seed's prod changes are written by hand. Each line marked <c>// warns IKSnnnn</c> is where
/// the build reports that warning; the build test checks exactly these lines and no others.
/// </summary>
[Stack("iklimco-mistakes", BaseFile = "docker-stack-mistakes.yml")]
public sealed class MistakesStack : IStackDefinition
{
    public void Configure(IStackBuilder stack)
    {
        stack.Network("iklimco-net").External();
        stack.Volume("redis-vl");
        stack.Volume("grafana-vl");
        stack.Node("iklim-app-01").Label("type", "service");

        // The test environment runs on iklim-app-01 and pins Redis there.
        stack.Service("redis")
            .Image("redis:7.2.5-alpine")
            .Network("iklimco-net")
            .Volume("redis-vl", "/data")
            .Replicas(1)
            .PinToNode("iklim-app-01");

        stack.Service("rabbitmq")
            .Image("rabbitmq:3.13.7-management")
            .Network("iklimco-net")
            .Replicas(1)
            .Constraint("node.labels.type == service");

        stack.Service("vault")
            .Image("hashicorp/vault:1.17.6")
            .Network("iklimco-net")
            .Replicas(1)
            .Constraint("node.labels.type == service");

        // One node in test, three in prod: Grafana's dashboards sit on whichever node ran it last.
        stack.Service("grafana")
            .Image("grafana/grafana:11.3.1")
            .Environment("GF_SECURITY_ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD", "admin")) // warns IKS0112
            .Network("iklimco-net")
            .Port(3000, 3000)
            .Volume("grafana-vl", "/var/lib/grafana") // warns IKS0111
            .Replicas(1)
            .Constraint("node.labels.type == service");

        stack.Service("apisix")
            .Image("apache/apisix:3.11.0-debian")
            .Network("iklimco-net")
            .Replicas(1)
            .Constraint("node.labels.type == service");

        // The test gateway counts its rate limit in memory; fine for one instance.
        stack.Gateway("apisix").GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true));

        // A nightly backup job for a node label that no node carries: its task stays pending.
        stack.Service("backup")
            .Image("alpine:3.20.3")
            .Network("iklimco-net")
            .Replicas(1)
            .Constraint("node.labels.type == backup"); // warns IKS0104

        stack.Profile("prod", prod =>
        {
            prod.Node("iklim-app-02").Label("type", "service");
            prod.Node("iklim-app-03").Label("type", "service");

            // Step 8 pins the master in the overlay. Docker appends overlay constraints to the base's, so prod
            // asks for two different hosts at once and the master is never scheduled.
            prod.Service("redis")
                .PinToNode("iklim-app-02") // warns IKS0103
                .Environment("REDIS_PASSWORD", "s3cr3t-in-git"); // warns IKS0108

            // The seed's prod tag for RabbitMQ names only the major version, so each node pulls whatever 3.x is newest.
            // A rolling update that starts the new task first needs a free slot; three nodes, three replicas, one per node: none.
            prod.Service("rabbitmq")
                .Image("rabbitmq:3-management") // warns IKS0110
                .Replicas(3)
                .MaxReplicasPerNode(1)
                .UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst); // warns IKS0105

            // A second Grafana to try an upgrade, on the port the first one already publishes.
            prod.Service("grafana-next")
                .Image("grafana/grafana:11.3.1")
                .Network("iklimco-net")
                .Port(3000, 3000); // warns IKS0113

            // Three gateways, each counting the global limit alone: 180 requests a minute get through, not 60.
            prod.Service("apisix")
                .Replicas(3) // warns IKS0102
                .MaxReplicasPerNode(1);

            // Consistent hashing onto RabbitMQ's VIP: Swarm spreads the connections over the 3 tasks anyway.
            prod.Gateway("apisix")
                .Upstream("rabbitmq-upstream", upstream => upstream
                    .ConsistentHash("remote_addr")
                    .Node("rabbitmq", 15674)); // warns IKS0109

            // Three sentinels, of which one may declare the master down alone.
            prod.Service("redis-sentinel")
                .Image("redis:7.2.5-alpine")
                .Network("iklimco-net")
                .Environment("REDIS_SENTINEL_QUORUM", "1") // warns IKS0106
                .Replicas(3)
                .MaxReplicasPerNode(1)
                .Constraint("node.labels.type == service");

            // A Raft cluster scaled out with no per-node limit: two members can share a node and fail together.
            prod.Service("vault")
                .Replicas(3); // warns IKS0101

            // etcd allowed two members per node on the two nodes its constraint leaves: the node holding two takes the majority with it.
            prod.Service("etcd")
                .Image("quay.io/coreos/etcd:v3.5.17")
                .Network("iklimco-net")
                .Replicas(3)
                .Constraint("node.hostname != iklim-app-03")
                .MaxReplicasPerNode(2); // warns IKS0114
        });
    }
}
