using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// The service keys added to the key table after the importer was written (extra_hosts, dns, dns_search, cap_add,
/// cap_drop, sysctls, ulimits, init, read_only, tty, stdin_open, stop_signal, healthcheck start_interval and
/// disable, target-only ports and port ranges, per-network driver_opts, job modes, pids, max_failure_ratio and
/// generic_resources) import as DSL calls, and the imported stack deploys what the input deploys as docker reads
/// both. What Docker refuses is refused at its line.
/// </summary>
[Trait("Category", "Import")]
public sealed class ServiceKeyImportTests : IDisposable
{
    private const string Base = """
        version: "3.13"
        services:
          edge:
            image: nginx:1.27.2-alpine
            extra_hosts:
              - "db.internal:10.0.0.5"
              - "v6.internal=[fd00::5]"
            dns: 10.0.0.2
            dns_search: [iklim.internal, example.com]
            cap_add: [NET_BIND_SERVICE]
            cap_drop:
              - ALL
            sysctls:
              - net.core.somaxconn=1024
              - net.ipv4.tcp_syncookies=1
            ulimits:
              nproc: 65535
              nofile:
                soft: 20000
                hard: 40000
            init: true
            read_only: true
            tty: true
            stdin_open: false
            stop_signal: SIGQUIT
            healthcheck:
              test: ["CMD", "true"]
              interval: 10s
              start_interval: 2s
            ports:
              - "9000-9002:8000-8002"
              - "7000-7001:80"
              - target: 53
                published: 5353
                protocol: udp
                mode: host
            networks:
              backend:
                aliases: [edge-a]
                driver_opts:
                  com.docker.network.endpoint.ifname: eth1
            deploy:
              replicas: 2
              update_config:
                parallelism: 1
                max_failure_ratio: 0.10
              rollback_config:
                max_failure_ratio: 0.5
              resources:
                limits:
                  cpus: "0.5"
                  pids: 200
                reservations:
                  memory: 64M
                  generic_resources:
                    - discrete_resource_spec:
                        kind: gpu
                        value: 1
          migrate:
            image: busybox:1.36.1
            healthcheck:
              disable: true
            deploy:
              mode: replicated-job
              replicas: 3
              resources:
                reservations:
                  generic_resources:
                    - discrete_resource_spec: {kind: NVIDIA-GPU, value: 2}
          metrics:
            image: busybox:1.36.1
            # Ports without a published port, in a service the overlay leaves alone: Docker 28 merges ports keyed by
            # the published port, so where both files name the service it keeps one of these (IKS0004).
            ports:
              - "9100"
              - "6000-6001/udp"
          once:
            image: busybox:1.36.1
            deploy:
              mode: replicated-job
          sweep:
            image: busybox:1.36.1
            deploy:
              mode: global-job
        networks:
          backend:
            driver: overlay
        """;

    private const string Overlay = """
        version: "3.13"
        services:
          edge:
            extra_hosts:
              db2.internal: 10.0.0.6
            dns: [10.0.0.3]
            cap_add: [SYS_TIME]
            sysctls:
              net.core.somaxconn: 2048
            ulimits:
              nofile: 50000
            stop_signal: SIGINT
            deploy:
              update_config:
                max_failure_ratio: 1
              resources:
                limits:
                  pids: 300
                reservations:
                  generic_resources:
                    - discrete_resource_spec:
                        kind: fpga
                        value: 1
          migrate:
            healthcheck:
              start_interval: 1s
            # The base publishes no port here: with target-only ports in both files Docker 28 would keep one (IKS0004).
            ports:
              - "9200-9201:9200-9201"
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void NewServiceKeys_RoundTripThroughDocker_AsDslCalls()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", Base);
        var overlay = _folder.Write("in/docker-stack.prod.yml", Overlay);

        var code = RoundTrip.Check("keys", baseFile, overlay);

        foreach (var call in new[]
        {
            ".ExtraHost(\"db.internal\", \"10.0.0.5\")", ".ExtraHost(\"v6.internal\", \"fd00::5\")", ".ExtraHost(\"db2.internal\", \"10.0.0.6\")",
            ".Dns(\"10.0.0.2\")", ".DnsSearch(\"iklim.internal\")", ".DnsSearch(\"example.com\")",
            ".CapAdd(\"NET_BIND_SERVICE\")", ".CapDrop(\"ALL\")", ".CapAdd(\"SYS_TIME\")",
            ".Sysctl(\"net.core.somaxconn\", \"1024\")", ".Sysctl(\"net.core.somaxconn\", \"2048\")",
            ".Ulimit(\"nproc\", 65535)", ".Ulimit(\"nofile\", 20000, hard: 40000)", ".Ulimit(\"nofile\", 50000)",
            ".Init()", ".ReadOnly()", ".Tty()", ".StopSignal(\"SIGQUIT\")", ".StopSignal(\"SIGINT\")",
            ".HealthcheckStartInterval(\"2s\")", ".DisableHealthcheck()", ".HealthcheckStartInterval(\"1s\")",
            ".TargetPort(9100)", ".PortRange(9000, 8000, 3)", ".Port(7000, 80)", ".Port(7001, 80)", ".TargetPort(6000, protocol: PortProtocol.Udp)",
            ".Port(5353, 53, protocol: PortProtocol.Udp, mode: PortMode.Host)", ".PortRange(9200, 9200, 2)",
            ".NetworkDriverOption(Backend, \"com.docker.network.endpoint.ifname\", \"eth1\")",
            ".ReplicatedJob(3)", ".ReplicatedJob()", ".GlobalJob()",
            ".UpdateFailureRatio(0.1)", ".RollbackFailureRatio(0.5)", ".UpdateFailureRatio(1)",
            ".PidsLimit(200)", ".PidsLimit(300)",
            ".GenericResource(\"gpu\", 1)", ".GenericResource(\"NVIDIA-GPU\", 2)", ".GenericResource(\"fpga\", 1)",
        })
        {
            Assert.True(code.Contains(call, StringComparison.Ordinal), call + " is not in the C#:\n" + code);
        }

        // stdin_open: false is what Docker drops: no call.
        Assert.DoesNotContain(".StdinOpen()", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    deploy:\n      resources:\n        reservations:\n          generic_resources:\n            - discrete_resource_spec: {kind: gpu, value: \"3\"}\n", 8, "services.api.deploy.resources.reservations.generic_resources[0].discrete_resource_spec.value", "must be a number")]
    [InlineData("    deploy:\n      resources:\n        reservations:\n          generic_resources:\n            - named_resource_spec: {kind: gpu, value: x}\n", 8, "services.api.deploy.resources.reservations.generic_resources[0].named_resource_spec", "Docker rejects it")]
    [InlineData("    deploy:\n      resources:\n        limits:\n          generic_resources: []\n", 7, "services.api.deploy.resources.limits.generic_resources", "Docker rejects it")]
    [InlineData("    deploy:\n      update_config:\n        max_failure_ratio: \"0.5\"\n", 6, "services.api.deploy.update_config.max_failure_ratio", "must be a number")]
    [InlineData("    ports: [\"8000-8001:80-82\"]\n", 4, "services.api.ports[0]", "differ in size")]
    public void DockerRejects_ImportRefusesAtTheKey(string keys, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n" + keys);
        Assert.NotEqual(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }

    [Theory]
    // docker stack config takes these; docker stack deploy rejects the first two, Swarm ignores the third's interval.
    [InlineData("    healthcheck:\n      test: [\"CMD\", \"true\"]\n      disable: true\n", 6, "services.api.healthcheck.disable", "test and disable")]
    [InlineData("    deploy:\n      mode: global-job\n      replicas: 2\n", 6, "services.api.deploy.replicas", "global-job")]
    [InlineData("    healthcheck:\n      interval: 5s\n      disable: true\n", 6, "services.api.healthcheck.disable", "Remove the other settings")]
    // What the DSL cannot write: init: false overrides an engine's default init; a fraction of a unit; a ratio above 1.
    [InlineData("    init: false\n", 4, "services.api.init", "Init() only")]
    [InlineData("    deploy:\n      resources:\n        reservations:\n          generic_resources:\n            - discrete_resource_spec: {kind: gpu, value: 1.5}\n", 8, "services.api.deploy.resources.reservations.generic_resources[0].discrete_resource_spec.value", "not a whole number")]
    [InlineData("    deploy:\n      update_config:\n        max_failure_ratio: 1.5\n", 6, "services.api.deploy.update_config.max_failure_ratio", "at most 1")]
    [InlineData("    deploy:\n      resources:\n        reservations:\n          generic_resources:\n            - discrete_resource_spec: {kind: gpu}\n", 8, "services.api.deploy.resources.reservations.generic_resources[0].discrete_resource_spec", "at least 1 unit")]
    public void DockerAcceptsButCannotDeployOrTheDslCannotWrite_ImportRefusesAtTheKey(string keys, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n" + keys);
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }
}
