using Iklim.StackSdk.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// The seed's infrastructure, as the IklimProd sample writes it, checked by the docker CLI: each file alone and
/// base + prod as the README deploys them, with every prod setting of the seed present in docker's merge.
/// </summary>
public sealed class SampleStackTests : IClassFixture<SampleArtefacts>
{
    private readonly SampleArtefacts _sample;

    public SampleStackTests(SampleArtefacts sample) => _sample = sample;

    [Fact]
    public void Sample_HasOnlyTheFindingsItSuppressesInItsSource() => Assert.Equal(
        new[] { "IKS0107:redis", "IKS0107:redis-replica", "IKS0107:redis-sentinel", "IKS0111:etcd", "IKS0111:redis" },
        _sample.Result.Findings.Select(f => f.Id + ":" + f.Where.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void BaseAlone_IsAcceptedByDocker()
    {
        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(_sample.BaseFile));
        Assert.Equal(
            new[] { "apisix", "apisix-dashboard", "cert-reloader", "etcd", "grafana", "prometheus", "rabbitmq", "redis", "swag", "vault" },
            Yaml.Keys(merged, "services"));
    }

    [Fact]
    public void Base_PublishesPortsOnlyForSwag()
    {
        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(_sample.BaseFile));
        foreach (var service in Yaml.Keys(merged, "services"))
        {
            var ports = Yaml.Find(merged, "services", service, "ports");
            Assert.True(service == "swag" ? ports is not null : ports is null, $"{service} ports: {ports}");
        }
    }

    [Fact]
    public void Base_KeepsMonitoringDataDirsVerbatim()
    {
        var raw = Yaml.Parse(File.ReadAllText(_sample.BaseFile));
        Assert.Equal("${PROMETHEUS_DATA_DIR:-prometheus-vl}:/prometheus", Yaml.Scalars(raw, "services", "prometheus", "volumes").Single());
        Assert.Equal("${GRAFANA_DATA_DIR:-grafana-vl}:/var/lib/grafana", Yaml.Scalars(raw, "services", "grafana", "volumes").Single());

        // Docker resolves them at deploy time; unset, they fall back to the named volumes.
        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(_sample.BaseFile));
        var volume = (YamlMappingNode)((YamlSequenceNode)Yaml.At(merged, "services", "prometheus", "volumes")).Children.Single();
        Assert.Equal("prometheus-vl", volume.Children[new YamlScalarNode("source")].ToString());
    }

    [Fact]
    public void BasePlusProd_CarriesEverySeedProdSetting()
    {
        var prod = Yaml.Parse(DockerCli.StackConfigOrFail(false, _sample.BaseFile, _sample.ProdFile));

        // Step 2: Vault Raft cluster.
        Assert.Equal("3", Yaml.Scalar(prod, "services", "vault", "deploy", "replicas"));
        Assert.Equal("1", Yaml.Scalar(prod, "services", "vault", "deploy", "placement", "max_replicas_per_node"));
        Assert.Contains("node.labels.type == service", Yaml.Scalars(prod, "services", "vault", "deploy", "placement", "constraints"));
        var vaultConfig = Yaml.Scalar(prod, "services", "vault", "environment", "VAULT_LOCAL_CONFIG");
        Assert.Contains("\"storage\":{\"raft\":{\"path\":\"/vault/file\",\"node_id\":\"{{ .Node.Hostname }}\"}}", vaultConfig, StringComparison.Ordinal);
        Assert.Contains("\"cluster_addr\":\"https://{{ .Node.Hostname }}:8201\"", vaultConfig, StringComparison.Ordinal);
        Assert.Equal(new[] { "/opt/iklimco/vault/data", "/mnt/storagebox/ssl" }, MountSources(prod, "vault", "/vault/file", "/vault/certs"));

        // Step 3: APISIX and its dashboard, 3 replicas, one per node.
        foreach (var gateway in new[] { "apisix", "apisix-dashboard" })
        {
            Assert.Equal("3", Yaml.Scalar(prod, "services", gateway, "deploy", "replicas"));
            Assert.Equal("1", Yaml.Scalar(prod, "services", gateway, "deploy", "placement", "max_replicas_per_node"));
        }

        // Step 5: Redis Sentinel (master not pinned, as the summary table says).
        // The seed's images; bitnami/redis:7.4.2 is no longer served since Bitnami's 2025 catalogue change.
        Assert.Equal("bitnamisecure/redis:latest", Yaml.Scalar(prod, "services", "redis", "image"));
        Assert.Equal("bitnamisecure/redis:latest", Yaml.Scalar(prod, "services", "redis-replica", "image"));
        Assert.Equal("bitnamisecure/redis-sentinel:latest", Yaml.Scalar(prod, "services", "redis-sentinel", "image"));
        Assert.Equal("master", Yaml.Scalar(prod, "services", "redis", "environment", "REDIS_REPLICATION_MODE"));
        Assert.Equal("no", Yaml.Scalar(prod, "services", "redis", "environment", "ALLOW_EMPTY_PASSWORD"));
        Assert.Equal("${REDIS_PASSWORD}", Yaml.Scalar(prod, "services", "redis", "environment", "REDIS_PASSWORD"));
        Assert.DoesNotContain(Yaml.Scalars(prod, "services", "redis", "deploy", "placement", "constraints"), c => c.StartsWith("node.hostname", StringComparison.Ordinal));
        Assert.Equal("any", Yaml.Scalar(prod, "services", "redis", "deploy", "restart_policy", "condition"));
        Assert.Equal("5s", Yaml.Scalar(prod, "services", "redis", "deploy", "restart_policy", "delay"));
        Assert.Equal("2", Yaml.Scalar(prod, "services", "redis-replica", "deploy", "replicas"));
        Assert.Equal("slave", Yaml.Scalar(prod, "services", "redis-replica", "environment", "REDIS_REPLICATION_MODE"));
        Assert.Equal("6379", Yaml.Scalar(prod, "services", "redis-replica", "environment", "REDIS_MASTER_PORT_NUMBER"));
        Assert.Equal("3", Yaml.Scalar(prod, "services", "redis-sentinel", "deploy", "replicas"));
        Assert.Equal("2", Yaml.Scalar(prod, "services", "redis-sentinel", "environment", "REDIS_SENTINEL_QUORUM"));
        Assert.Equal("prod-master", Yaml.Scalar(prod, "services", "redis-sentinel", "environment", "REDIS_SENTINEL_MASTER_NAME"));
        foreach (var member in new[] { "redis-replica", "redis-sentinel" })
        {
            Assert.Equal("1", Yaml.Scalar(prod, "services", member, "deploy", "placement", "max_replicas_per_node"));
            Assert.Equal("node.hostname", Yaml.Scalar((YamlMappingNode)((YamlSequenceNode)Yaml.At(prod, "services", member, "deploy", "placement", "preferences")).Children[0], "spread"));
        }

        // Step 6: RabbitMQ cluster.
        Assert.Equal("rabbitmq-{{.Node.Hostname}}", Yaml.Scalar(prod, "services", "rabbitmq", "hostname"));
        Assert.Equal("rabbit@rabbitmq-{{.Node.Hostname}}", Yaml.Scalar(prod, "services", "rabbitmq", "environment", "RABBITMQ_NODENAME"));
        Assert.Equal("true", Yaml.Scalar(prod, "services", "rabbitmq", "environment", "RABBITMQ_USE_LONGNAME"));
        Assert.Equal("/run/secrets/rabbitmq_erlang_cookie", Yaml.Scalar(prod, "services", "rabbitmq", "environment", "RABBITMQ_ERLANG_COOKIE_FILE"));
        Assert.Equal(new[] { "rabbitmq-{{.Node.Hostname}}" }, Yaml.Scalars(prod, "services", "rabbitmq", "networks", "iklimco-net", "aliases"));
        Assert.Equal("rabbitmq_erlang_cookie", Yaml.Scalar((YamlMappingNode)((YamlSequenceNode)Yaml.At(prod, "services", "rabbitmq", "secrets")).Children[0], "source"));
        Assert.Equal("3", Yaml.Scalar(prod, "services", "rabbitmq", "deploy", "replicas"));
        Assert.Equal("1", Yaml.Scalar(prod, "services", "rabbitmq", "deploy", "update_config", "parallelism"));
        Assert.Equal("stop-first", Yaml.Scalar(prod, "services", "rabbitmq", "deploy", "update_config", "order"));
        Assert.Equal("true", Yaml.Scalar(prod, "secrets", "rabbitmq_erlang_cookie", "external"));
        Assert.Equal("true", Yaml.Scalar(prod, "networks", "iklimco-net", "external"));

        // Step 4: the standalone etcd stays (an overlay cannot remove a service); Step 8: data dirs from env.
        Assert.Equal("1", Yaml.Scalar(prod, "services", "etcd", "deploy", "replicas"));
        Assert.Equal("${PROMETHEUS_DATA_DIR:-prometheus-vl}:/prometheus", Yaml.Scalars(Yaml.Parse(File.ReadAllText(_sample.BaseFile)), "services", "prometheus", "volumes").Single());
    }

    [Fact]
    public void ProdOverlay_IsMinimal()
    {
        var overlay = Yaml.Parse(File.ReadAllText(_sample.ProdFile));

        // Services the prod profile does not change are absent; unchanged keys of changed services too.
        Assert.Equal(
            new[] { "vault", "apisix", "apisix-dashboard", "redis", "redis-replica", "redis-sentinel", "rabbitmq" },
            Yaml.Keys(overlay, "services"));
        Assert.Null(Yaml.Find(overlay, "services", "apisix", "image"));
        Assert.Null(Yaml.Find(overlay, "services", "vault", "deploy", "placement", "constraints"));
        Assert.Null(Yaml.Find(overlay, "networks"));
    }

    [Fact]
    public void BasePlusProd_EqualsTheEffectiveModel()
    {
        var merged = DockerCli.StackConfigOrFail(_sample.BaseFile, _sample.ProdFile);
        var effective = DockerCli.StackConfigOrFail(_sample.EffectiveProdFile);
        Assert.Equal(effective, merged);
    }

    private static IReadOnlyList<string> MountSources(YamlNode root, string service, params string[] targets)
    {
        var mounts = ((YamlSequenceNode)Yaml.At(root, "services", service, "volumes")).Children.Cast<YamlMappingNode>().ToList();
        return targets.Select(t => mounts.Single(m => m.Children[new YamlScalarNode("target")].ToString() == t).Children[new YamlScalarNode("source")].ToString()).ToList();
    }
}
