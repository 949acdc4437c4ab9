using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Tests.Support;

/// <summary>
/// Seeded random stacks written through the DSL, with profiles that change, add and re-declare everything the
/// model knows: the inputs of the merge-equivalence property. The same seed gives the same stack.
/// </summary>
internal sealed class RandomStacks
{
    private static readonly string[] Images = { "nginx:1.27.2-alpine", "redis:7.2.5-alpine", "registry.example.com:5000/team/app:1.2.3", "busybox:1.36.1", "app:" + Env.Var("TAG", "1.0") };
    private static readonly string[] Values =
    {
        "x", "yes", "no", "on", "off", "~", "null", "0x1F", "1e3", "010", "a: b", " #x", " lead", "trail ", "line1\nline2",
        "İıŞşĞğ", "{{.Node.Hostname}}", Env.Var("VAR", "x"), "$$", "$apr1$x", "$", "a$", "${X}", "true", "12:30", "'q'", "\"dq\"", "[x]", "{x}", "-", "*star", "&a", "!t",
        "%p", "@at", "`bt`", "a #b", "tab\there", "https://example.com:8200/x?y=1", "rabbit@rabbitmq-{{.Node.Hostname}}",
    };

    /// <summary>
    /// The env files the stacks read, relative to the project folder, and what they hold: names shared between files
    /// (a later file wins), none with the stacks' ENV_ variables and no empty value. Docker merges an empty value
    /// unlike a set one, and the model cannot see inside the files (docs/compose-coverage.md, <c>env_file</c>), so
    /// those cases are pinned by KeyTableTests and EnvFileTests rather than generated.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> EnvFiles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["./env/a.env"] = "FILE_SHARED=from-a\nFILE_A=a $x ${HOME}\n# a comment\n",
        ["env/b.env"] = "FILE_SHARED=from-b\nFILE_B=b\n",
        ["./env/sub/../c.env"] = "FILE_C=c\nFILE_A=from-c\n",
    };

    /// <summary>Writes <see cref="EnvFiles"/> below <paramref name="projectFolder"/>, the folder above the compose files' folder.</summary>
    public static void WriteEnvFiles(string projectFolder)
    {
        foreach (var (path, content) in EnvFiles)
        {
            var file = Path.GetFullPath(Path.Combine(projectFolder, path));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }
    }

    private static readonly string[] Durations = { "1s", "5s", "10s", "1m30s", "500ms", "2m", "1h" };
    private readonly Random _random;

    public RandomStacks(int seed) => _random = new Random(seed);

    // One kind of credential source per stack: a profile naming another kind than the base's is IKS0004, and its
    // effective file (two sources) is one the importer and the diff refuse, as docker stack deploy does.
    private IReadOnlyList<string> _configs = Array.Empty<string>();
    private int _credentialKind;

    /// <summary>A stack using every key of the key table.</summary>
    public static StackBuildResult Build(int seed)
    {
        var builder = new StackBuilder("stack" + seed, "docker-stack.yml");
        new RandomStacks(seed).Configure(builder);
        return builder.Build();
    }

    private void Configure(IStackBuilder stack)
    {
        var networks = Names("net", 1 + _random.Next(3));
        var volumes = Names("vol", _random.Next(4));
        var secrets = Names("sec", _random.Next(3));
        var configs = Names("cfg", _random.Next(3));
        _configs = configs;
        _credentialKind = _random.Next(3);
        foreach (var network in networks)
        {
            var builder = stack.Network(network);
            if (Chance(0.4))
            {
                builder.External();
            }
            else
            {
                builder.Driver("overlay");
                if (Chance(0.5))
                {
                    builder.Attachable();
                }

                ResourceKeys(builder);
            }
        }

        foreach (var volume in volumes)
        {
            var builder = stack.Volume(volume);
            if (Chance(0.3))
            {
                builder.Driver("local").DriverOption("type", "tmpfs");
            }

            if (Chance(0.3))
            {
                builder.Label("backup", Pick(Values));
            }
        }

        foreach (var secret in secrets)
        {
            FileResourceKeys(stack.Secret(secret).External());
        }

        foreach (var config in configs)
        {
            FileResourceKeys(stack.Config(config).External());
        }

        var services = Names("svc", 1 + _random.Next(6));
        foreach (var name in services)
        {
            Service(stack.Service(name), networks, volumes, secrets, configs, isNew: true, baseHasHealthcheck: false);
        }

        foreach (var profileName in Names("p", 1 + _random.Next(2)))
        {
            stack.Profile(profileName, profile =>
            {
                var profileNetworks = networks.ToList();
                if (Chance(0.3))
                {
                    profile.Network("pnet").Driver("overlay");
                    profileNetworks.Add("pnet");
                }

                if (Chance(0.3) && networks.Count > 0)
                {
                    // Docker replaces a top-level entry whole: re-declare one differently.
                    var redeclared = profile.Network(networks[0]);
                    if (Chance(0.5))
                    {
                        redeclared.External();
                    }
                    else
                    {
                        ResourceKeys(redeclared.Driver("overlay"));
                    }
                }

                var profileVolumes = volumes.ToList();
                if (Chance(0.3))
                {
                    profile.Volume("pvol");
                    profileVolumes.Add("pvol");
                }

                if (Chance(0.3) && volumes.Count > 0)
                {
                    profile.Volume(volumes[0]).Label("backup", Pick(Values));
                }

                var profileSecrets = secrets.ToList();
                if (Chance(0.3))
                {
                    FileResourceKeys(profile.Secret("psec").External());
                    profileSecrets.Add("psec");
                }

                foreach (var name in services.Where(_ => Chance(0.6)))
                {
                    Service(profile.Service(name), profileNetworks, profileVolumes, profileSecrets, configs, isNew: false, baseHasHealthcheck: true);
                }

                foreach (var name in Names("new", _random.Next(2)))
                {
                    Service(profile.Service(name), profileNetworks, profileVolumes, profileSecrets, configs, isNew: true, baseHasHealthcheck: false);
                }
            });
        }
    }

    private void ResourceKeys(INetworkBuilder network)
    {
        if (Chance(0.3))
        {
            network.Internal();
        }

        if (Chance(0.3))
        {
            network.Label("team", Pick(Values));
        }

        if (Chance(0.2))
        {
            network.IpamDriver("default").Subnet("10." + _random.Next(256) + ".0.0/24");
        }

        if (Chance(0.3))
        {
            network.DriverOption("encrypted", "true");
        }
    }

    private void FileResourceKeys(IFileResourceBuilder resource)
    {
        if (Chance(0.2))
        {
            resource.TemplateDriver("golang");
        }

        if (Chance(0.3))
        {
            resource.Label("rotate", Pick(Values));
        }
    }

    private void Service(IServiceBuilder service, IReadOnlyList<string> networks, IReadOnlyList<string> volumes, IReadOnlyList<string> secrets, IReadOnlyList<string> configs, bool isNew, bool baseHasHealthcheck)
    {
        if (isNew || Chance(0.3))
        {
            service.Image(Pick(Images));
        }

        if (Chance(0.3))
        {
            service.Hostname(Chance(0.5) ? "host-" + Swarm.NodeHostname : "h" + _random.Next(100));
        }

        if (Chance(0.3))
        {
            service.Command(Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(Values)).ToArray());
        }

        if (Chance(0.2))
        {
            service.Entrypoint("/bin/sh", "-c");
        }

        if (Chance(0.2))
        {
            service.User("1000:1000");
        }

        if (Chance(0.2))
        {
            service.WorkingDir(Pick(new[] { "/app", "/srv/work" }));
        }

        if (Chance(0.2))
        {
            service.Logging(Pick(new[] { "json-file", "local" }));
        }

        if (Chance(0.2))
        {
            service.LoggingOption(Pick(new[] { "max-size", "max-file" }), Pick(new[] { "10m", "3" }));
        }

        if (Chance(0.2))
        {
            service.StopGracePeriod(Pick(Durations));
        }

        NewerKeys(service);

        foreach (var key in Names("ENV_", _random.Next(4)))
        {
            // Empty values too: Docker keeps the base value then, which the model must know.
            service.Environment(key, Chance(0.1) ? string.Empty : Pick(Values));
        }

        foreach (var key in Names("label.", _random.Next(3)))
        {
            service.Label(key, Chance(0.1) ? string.Empty : Pick(Values));
        }

        foreach (var key in Names("deploy.", _random.Next(2)))
        {
            service.ServiceLabel(key, Pick(Values));
        }

        foreach (var network in networks.Where(_ => Chance(0.5)))
        {
            service.Network(network, Chance(0.4) ? new[] { "alias-" + _random.Next(3), "n-" + Swarm.NodeHostname } : Array.Empty<string>());
        }

        foreach (var port in Enumerable.Range(0, _random.Next(3)))
        {
            service.Port(8000 + _random.Next(5), 80 + _random.Next(3), Chance(0.2) ? PortProtocol.Udp : PortProtocol.Tcp, Chance(0.3) ? PortMode.Host : PortMode.Ingress);
        }

        NewerPortsAndNetworks(service, networks, isNew ? 1 : 0.3);

        foreach (var target in Enumerable.Range(0, _random.Next(3)).Select(i => "/data" + _random.Next(4)))
        {
            if (volumes.Count > 0 && Chance(0.5))
            {
                var volume = Pick(volumes);
                if (Chance(0.2))
                {
                    service.ClusterVolume(volume, target, Chance(0.3));
                }
                else
                {
                    service.Volume(Chance(0.3) ? Env.Var("DATA_DIR", volume) : volume, target, Chance(0.3), noCopy: Chance(0.2));
                }
            }
            else if (Chance(0.2))
            {
                service.Tmpfs(target, Chance(0.5) ? 1024L * (1 + _random.Next(4)) : null, Chance(0.3));
            }
            else if (Chance(0.1))
            {
                service.ClusterVolumeGroup("group" + _random.Next(2), target, Chance(0.3));
            }
            else if (Chance(0.1))
            {
                // A pipe's target is a pipe path: the one of the same number stands in for the /dataN target.
                service.NamedPipe(@"\\.\pipe\engine" + _random.Next(2), @"\\.\pipe\" + target.Substring(1));
            }
            else
            {
                service.Bind("/srv/host" + _random.Next(3), target, Chance(0.3), Chance(0.3) ? Pick(Enum.GetValues<BindPropagation>()) : null);
            }
        }

        foreach (var secret in secrets.Where(_ => Chance(0.4)))
        {
            service.Secret(secret, Pick(new[] { null, "/run/secrets/custom-" + secret, "bare-" + secret }), Chance(0.3) ? "999" : null, Chance(0.2) ? "998" : null, Chance(0.3) ? Pick(new[] { "0400", "0440", "0444" }) : null);
        }

        foreach (var config in configs.Where(_ => Chance(0.3)))
        {
            service.Config(config, Chance(0.8) ? "/etc/" + config + ".conf" : config + ".conf", mode: Chance(0.3) ? "0440" : null);
        }

        if (Chance(0.2) && !baseHasHealthcheck)
        {
            service.Healthcheck(new[] { "CMD", "true" }, interval: Pick(Durations), retries: _random.Next(5));
        }
        else if (Chance(0.05) && !baseHasHealthcheck)
        {
            service.DisableHealthcheck();
        }

        if (Chance(0.15))
        {
            service.HealthcheckStartInterval(Pick(Durations));
        }

        if (Chance(0.15))
        {
            service.Global();
        }
        else if (Chance(0.7))
        {
            service.Replicas(_random.Next(5));
        }

        if (Chance(0.2))
        {
            service.EndpointMode(Chance(0.5) ? EndpointMode.Dnsrr : EndpointMode.Vip);
        }

        foreach (var constraint in Enumerable.Range(0, _random.Next(3)))
        {
            service.Constraint(Pick(new[] { "node.labels.type == service", "node.role == manager", "node.role != worker", "node.hostname == n" + _random.Next(3), "engine.labels.ssd == true" }));
        }

        if (Chance(0.3))
        {
            service.Spread(Pick(new[] { "node.hostname", "node.labels.zone" }));
        }

        if (Chance(0.3))
        {
            service.MaxReplicasPerNode(1 + _random.Next(3));
        }

        if (Chance(0.3))
        {
            service.RestartPolicy(Pick(new[] { RestartCondition.Any, RestartCondition.OnFailure, RestartCondition.None }), delay: Chance(0.5) ? Pick(Durations) : null, maxAttempts: Chance(0.5) ? _random.Next(4) : null, window: Chance(0.3) ? Pick(Durations) : null);
        }

        if (Chance(0.3))
        {
            service.UpdateConfig(parallelism: Chance(0.5) ? _random.Next(3) : null, delay: Chance(0.5) ? Pick(Durations) : null, order: Chance(0.5) ? UpdateOrder.StopFirst : UpdateOrder.StartFirst, failureAction: Chance(0.3) ? FailureAction.Rollback : null);
        }

        if (Chance(0.2))
        {
            service.RollbackConfig(parallelism: 1, order: UpdateOrder.StopFirst, monitor: Chance(0.5) ? Pick(Durations) : null);
        }

        NewerDeployKeys(service);

        if (Chance(0.2))
        {
            service.Limits(cpus: Chance(0.5) ? "0.5" : null, memory: Chance(0.5) ? "512M" : "1G");
        }

        if (Chance(0.2))
        {
            service.Reservations(cpus: "0.25", memory: Chance(0.5) ? "128M" : null);
        }

        if (Chance(0.1))
        {
            service.Disable();
        }
    }

    // Keys added to the key table after the first ones.
    private void NewerKeys(IServiceBuilder service)
    {
        foreach (var file in EnvFiles.Keys.Where(_ => Chance(0.25)))
        {
            service.EnvFile(file);
        }

        foreach (var host in Names("host", _random.Next(3)))
        {
            service.ExtraHost(host, Pick(new[] { "10.0.0.1", "10.0.0.2", "fd00::1" }));
        }

        foreach (var server in Enumerable.Range(0, _random.Next(3)).Select(_ => Pick(new[] { "10.0.0.53", "1.1.1.1", "8.8.8.8" })))
        {
            service.Dns(server);
        }

        if (Chance(0.2))
        {
            service.DnsSearch(Pick(new[] { "iklim.internal", "example.com" }));
        }

        if (Chance(0.2))
        {
            service.CapAdd(Pick(new[] { "NET_ADMIN", "SYS_TIME", "NET_BIND_SERVICE" }));
        }

        if (Chance(0.2))
        {
            service.CapDrop(Pick(new[] { "ALL", "NET_RAW" }));
        }

        foreach (var name in Enumerable.Range(0, _random.Next(3)).Select(_ => Pick(new[] { "net.core.somaxconn", "net.ipv4.tcp_syncookies", "kernel.msgmax" })))
        {
            service.Sysctl(name, Pick(new[] { "0", "1", "1024" }));
        }

        if (Chance(0.3))
        {
            var soft = Pick(new[] { 1024, 65535 });
            service.Ulimit(Pick(new[] { "nofile", "nproc" }), soft, Chance(0.5) ? soft * 2 : null);
        }

        if (Chance(0.15))
        {
            service.Init();
        }

        if (Chance(0.15))
        {
            service.ReadOnly();
        }

        if (Chance(0.1))
        {
            service.Tty();
        }

        if (Chance(0.1))
        {
            service.StdinOpen();
        }

        if (Chance(0.2))
        {
            service.StopSignal(Pick(new[] { "SIGTERM", "SIGQUIT", "SIGINT" }));
        }

        if (Chance(0.15))
        {
            service.Isolation(Pick(Enum.GetValues<Isolation>()));
        }

        if (Chance(0.15))
        {
            switch (_credentialKind)
            {
                case 0 when _configs.Count > 0:
                    service.CredentialSpecConfig(Pick(_configs));
                    break;
                case 2:
                    service.CredentialSpecRegistry(Pick(new[] { "app01", "app02" }));
                    break;
                default:
                    service.CredentialSpecFile(Pick(new[] { "app01.json", "sub/app02.json" }));
                    break;
            }
        }
    }

    // Keys added to the key table after the first ones.
    // Over a base service these often make IKS0004 (ports without a published port collide, driver options of an
    // attached network are ignored), so a profile's change of one uses them less: the importer's round trip needs
    // stacks the SDK accepts.
    private void NewerPortsAndNetworks(IServiceBuilder service, IReadOnlyList<string> networks, double scale)
    {
        if (Chance(0.1 * scale))
        {
            service.TargetPort(9100 + _random.Next(2));
        }

        if (Chance(0.1 * scale))
        {
            service.PortRange(8100 + _random.Next(3), 8100, 1 + _random.Next(3));
        }

        foreach (var network in networks.Where(_ => Chance(0.15 * scale)))
        {
            service.NetworkDriverOption(network, Pick(new[] { "com.docker.network.endpoint.ifname", "x-opt" }), Pick(new[] { "eth1", "1" }));
        }
    }

    // Keys added to the key table after the first ones.
    private void NewerDeployKeys(IServiceBuilder service)
    {
        if (Chance(0.05))
        {
            service.ReplicatedJob(1 + _random.Next(3));
        }
        else if (Chance(0.03))
        {
            service.GlobalJob();
        }

        if (Chance(0.15))
        {
            service.UpdateFailureRatio(Pick(new[] { 0.1, 0.25, 1 }));
        }

        if (Chance(0.1))
        {
            service.RollbackFailureRatio(Pick(new[] { 0.5, 0.3 }));
        }

        if (Chance(0.15))
        {
            service.PidsLimit(Pick(new[] { 100, 512 }));
        }

        // One amount per kind: a profile repeating a base kind with another amount is IKS0004 (Docker appends both),
        // which OverlayPlannerTests covers; here a repeated kind exercises the overlay leaving it out.
        foreach (var (kind, amount) in Enumerable.Range(0, _random.Next(3)).Select(_ => Pick(new[] { ("gpu", 1L), ("fpga", 2L), ("NVIDIA-GPU", 3L) })))
        {
            service.GenericResource(kind, amount);
        }
    }

    private List<string> Names(string prefix, int count) => Enumerable.Range(1, count).Select(i => prefix + i).ToList();

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
