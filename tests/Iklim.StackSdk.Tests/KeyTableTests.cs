using System.Reflection;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// The key table is complete and each entry works end to end: every <see cref="ServiceSpec"/> property has exactly one
/// entry, and a value set in the base and changed by a profile survives the minimal overlay, Docker's merge of the two
/// emitted files (checked with <c>docker stack config</c>) and Docker's parse. A property added without an entry, or
/// an entry without a sample here, fails.
/// </summary>
public sealed class KeyTableTests
{
    // What the base sets and what the profile changes it to, per ServiceSpec property; the stack declares net, data,
    // cfg, cfg2, sec and sec2.
    private static readonly Dictionary<string, (Action<IServiceBuilder> Base, Action<IServiceBuilder> Profile)> Samples = new()
    {
        [nameof(ServiceSpec.Image)] = (s => s.Image("busybox:1.36.1"), s => s.Image("busybox:1.37.0")),
        [nameof(ServiceSpec.Volumes)] = (s => s.Volume("data", "/data"), s => s.Volume("data", "/data", readOnly: true)),
        [nameof(ServiceSpec.Configs)] = (s => s.Config("cfg", "/etc/a.conf"), s => s.Config("cfg2", "/etc/b.conf")),
        [nameof(ServiceSpec.Secrets)] = (s => s.Secret("sec"), s => s.Secret("sec2", "/run/secrets/other")),
        [nameof(ServiceSpec.Environment)] = (s => s.Environment("A", "1"), s => s.Environment("A", "2")),
        [nameof(ServiceSpec.EnvFiles)] = (s => s.EnvFile("./env/a.env"), s => s.EnvFile("env/b.env")),
        [nameof(ServiceSpec.Ports)] = (s => s.Port(8080, 80), s => s.Port(8080, 81, mode: PortMode.Host)),
        [nameof(ServiceSpec.Networks)] = (s => s.Network("net"), s => s.Network("net", "alias")),
        [nameof(ServiceSpec.Command)] = (s => s.Command("sleep", "1"), s => s.Command("sleep", "2")),
        [nameof(ServiceSpec.Entrypoint)] = (s => s.Entrypoint("/bin/sh"), s => s.Entrypoint("/bin/ash", "-c")),
        [nameof(ServiceSpec.WorkingDir)] = (s => s.WorkingDir("/a"), s => s.WorkingDir("/b")),
        [nameof(ServiceSpec.Healthcheck)] = (s => s.Healthcheck(new[] { "CMD", "true" }, interval: "10s"), s => s.Healthcheck(new[] { "CMD", "true" }, interval: "20s", retries: 2)),
        [nameof(ServiceSpec.Logging)] = (s => s.Logging("json-file").LoggingOption("max-size", "10m"), s => s.LoggingOption("max-file", "3")),
        [nameof(ServiceSpec.Labels)] = (s => s.Label("a", "1"), s => s.Label("a", "2")),
        [nameof(ServiceSpec.User)] = (s => s.User("1000"), s => s.User("2000:2000")),
        [nameof(ServiceSpec.Mode)] = (s => s.Global(), s => s.Replicas(2)),
        [nameof(ServiceSpec.Replicas)] = (s => s.Replicas(1), s => s.Replicas(3)),
        [nameof(ServiceSpec.EndpointMode)] = (s => s.EndpointMode(EndpointMode.Vip), s => s.EndpointMode(EndpointMode.Dnsrr)),
        [nameof(ServiceSpec.DeployLabels)] = (s => s.ServiceLabel("d", "1"), s => s.ServiceLabel("d", "2")),
        [nameof(ServiceSpec.Constraints)] = (s => s.Constraint("node.role == manager"), s => s.Constraint("node.labels.zone == a")),
        [nameof(ServiceSpec.Spread)] = (s => s.Spread("node.labels.zone"), s => s.Spread("node.hostname")),
        [nameof(ServiceSpec.MaxReplicasPerNode)] = (s => s.MaxReplicasPerNode(1), s => s.MaxReplicasPerNode(2)),
        [nameof(ServiceSpec.RestartPolicy)] = (s => s.RestartPolicy(RestartCondition.Any, delay: "5s"), s => s.RestartPolicy(RestartCondition.OnFailure, maxAttempts: 3)),
        [nameof(ServiceSpec.UpdateConfig)] = (s => s.UpdateConfig(parallelism: 1), s => s.UpdateConfig(parallelism: 2, order: UpdateOrder.StartFirst)),
        [nameof(ServiceSpec.RollbackConfig)] = (s => s.RollbackConfig(parallelism: 1), s => s.RollbackConfig(delay: "7s")),
        [nameof(ServiceSpec.Resources)] = (s => s.Limits(cpus: "0.5"), s => s.Limits(memory: "512M")),
        [nameof(ServiceSpec.Hostname)] = (s => s.Hostname("a"), s => s.Hostname("b-" + Swarm.NodeHostname)),
        [nameof(ServiceSpec.StopGracePeriod)] = (s => s.StopGracePeriod("10s"), s => s.StopGracePeriod("1m30s")),
        [nameof(ServiceSpec.ExtraHosts)] = (s => s.ExtraHost("db", "10.0.0.1"), s => s.ExtraHost("cache", "fd00::2")),
        [nameof(ServiceSpec.Dns)] = (s => s.Dns("10.0.0.2"), s => s.Dns("10.0.0.3")),
        [nameof(ServiceSpec.DnsSearch)] = (s => s.DnsSearch("a.example"), s => s.DnsSearch("b.example")),
        [nameof(ServiceSpec.CapAdd)] = (s => s.CapAdd("NET_ADMIN"), s => s.CapAdd("SYS_TIME")),
        [nameof(ServiceSpec.CapDrop)] = (s => s.CapDrop("NET_RAW"), s => s.CapDrop("ALL")),
        [nameof(ServiceSpec.Sysctls)] = (s => s.Sysctl("net.core.somaxconn", "1024"), s => s.Sysctl("net.core.somaxconn", "2048")),
        [nameof(ServiceSpec.Ulimits)] = (s => s.Ulimit("nofile", 1024, 2048), s => s.Ulimit("nofile", 4096)),
        [nameof(ServiceSpec.Init)] = (_ => { }, s => s.Init()),
        [nameof(ServiceSpec.ReadOnly)] = (_ => { }, s => s.ReadOnly()),
        [nameof(ServiceSpec.Tty)] = (_ => { }, s => s.Tty()),
        [nameof(ServiceSpec.StdinOpen)] = (_ => { }, s => s.StdinOpen()),
        [nameof(ServiceSpec.StopSignal)] = (s => s.StopSignal("SIGTERM"), s => s.StopSignal("SIGQUIT")),
        [nameof(ServiceSpec.Isolation)] = (s => s.Isolation(Isolation.Process), s => s.Isolation(Isolation.HyperV)),
        [nameof(ServiceSpec.CredentialSpec)] = (s => s.CredentialSpecConfig("cfg"), s => s.CredentialSpecConfig("cfg2")),
        [nameof(ServiceSpec.Stateful)] = (_ => { }, s => s.Stateful()),
        [nameof(ServiceSpec.Singleton)] = (_ => { }, s => s.Singleton()),
        [nameof(ServiceSpec.Removals)] = (s => s.Environment("A", "1"), s => s.RemoveEnvironment("A")),
    };

    // The parts of a key that have their own DSL call: case name, property, compose path below the service, base, profile.
    private static readonly (string Case, string Property, string Path, Action<IServiceBuilder> Base, Action<IServiceBuilder> Profile)[] Parts =
    {
        // b.env sets SHARED too: an overlay's env file must not override the base's environment (environment wins in one file).
        ("env_file over environment", nameof(ServiceSpec.EnvFiles), "environment.FROM_B", s => s.Environment("SHARED", "from-environment").EnvFile("./env/a.env"), s => s.EnvFile("./env/b.env")),
        ("healthcheck.start_interval", nameof(ServiceSpec.Healthcheck), "healthcheck.start_interval", s => s.Healthcheck(new[] { "CMD", "true" }), s => s.HealthcheckStartInterval("2s")),
        ("healthcheck.disable", nameof(ServiceSpec.Healthcheck), "healthcheck.disable", s => s.HealthcheckStartInterval("5s"), s => s.DisableHealthcheck()),
        ("ports.target-only", nameof(ServiceSpec.Ports), "ports", s => s.Port(8080, 80), s => s.TargetPort(9100)),
        ("ports.range", nameof(ServiceSpec.Ports), "ports", s => s.Port(8080, 80), s => s.PortRange(9000, 9000, 3)),
        ("networks.driver_opts", nameof(ServiceSpec.Networks), "networks.net2.driver_opts", s => s.NetworkDriverOption("net", "a", "1"), s => s.NetworkDriverOption("net2", "b", "2")),
        ("update_config.max_failure_ratio", nameof(ServiceSpec.UpdateConfig), "deploy.update_config.max_failure_ratio", s => s.UpdateConfig(parallelism: 1), s => s.UpdateFailureRatio(0.25)),
        ("rollback_config.max_failure_ratio", nameof(ServiceSpec.RollbackConfig), "deploy.rollback_config.max_failure_ratio", s => s.RollbackFailureRatio(0.5), s => s.RollbackFailureRatio(1)),
        ("deploy.mode replicated-job", nameof(ServiceSpec.Mode), "deploy.mode", s => s.Replicas(2), s => s.ReplicatedJob(3)),
        ("deploy.mode global-job", nameof(ServiceSpec.Mode), "deploy.mode", s => s.Global(), s => s.GlobalJob()),
        ("volumes.volume.nocopy", nameof(ServiceSpec.Volumes), "volumes", s => s.Volume("data", "/data"), s => s.Volume("data", "/data", noCopy: true)),
        ("volumes.bind.propagation", nameof(ServiceSpec.Volumes), "volumes", s => s.Bind("/srv", "/srv"), s => s.Bind("/srv", "/srv", propagation: BindPropagation.Rshared)),
        ("volumes.bind.propagation dropped", nameof(ServiceSpec.Volumes), "volumes", s => s.Bind("/srv", "/srv", propagation: BindPropagation.Slave), s => s.Bind("/srv", "/srv", readOnly: true)),
        ("volumes.tmpfs.size", nameof(ServiceSpec.Volumes), "volumes", s => s.Tmpfs("/tmp", size: 1024), s => s.Tmpfs("/tmp", size: 2048)),
        ("volumes.tmpfs.read_only", nameof(ServiceSpec.Volumes), "volumes", s => s.Tmpfs("/tmp", size: 1024), s => s.Tmpfs("/tmp", size: 1024, readOnly: true)),
        ("volumes.tmpfs over a volume", nameof(ServiceSpec.Volumes), "volumes", s => s.Volume("data", "/data"), s => s.Tmpfs("/data")),
        ("volumes.type: cluster over a volume", nameof(ServiceSpec.Volumes), "volumes", s => s.Volume("data", "/data", noCopy: true), s => s.ClusterVolume("data", "/data")),
        ("volumes.type: cluster read_only", nameof(ServiceSpec.Volumes), "volumes", s => s.ClusterVolume("data", "/data"), s => s.ClusterVolume("data", "/data", readOnly: true)),
        ("volumes.type: cluster group", nameof(ServiceSpec.Volumes), "volumes", s => s.ClusterVolume("data", "/data"), s => s.ClusterVolumeGroup("pg", "/data")),
        ("volumes.type: npipe", nameof(ServiceSpec.Volumes), "volumes", s => s.NamedPipe(@"\\.\pipe\docker_engine", @"\\.\pipe\docker_engine"), s => s.NamedPipe(@"\\.\pipe\docker_engine_prod", @"\\.\pipe\docker_engine")),
        ("credential_spec.file", nameof(ServiceSpec.CredentialSpec), "credential_spec.file", s => s.CredentialSpecFile("a.json"), s => s.CredentialSpecFile("b.json")),
        ("credential_spec.registry", nameof(ServiceSpec.CredentialSpec), "credential_spec.registry", _ => { }, s => s.CredentialSpecRegistry("app01")),
        ("isolation default over process", nameof(ServiceSpec.Isolation), "isolation", s => s.Isolation(Isolation.Process), s => s.Isolation(Isolation.Default)),
        ("resources.limits.pids", nameof(ServiceSpec.Resources), "deploy.resources.limits.pids", s => s.Limits(cpus: "0.5"), s => s.PidsLimit(100)),
        ("resources.reservations.generic_resources", nameof(ServiceSpec.Resources), "deploy.resources.reservations.generic_resources", s => s.GenericResource("gpu", 1), s => s.GenericResource("fpga", 2)),
        ("resources.reservations.generic_resources (beside cpus)", nameof(ServiceSpec.Resources), "deploy.resources.reservations.generic_resources", s => s.Reservations(cpus: "0.25").GenericResource("gpu", 1), s => s.Reservations(memory: "64M").GenericResource("gpu", 1).GenericResource("NVIDIA-GPU", 1)),
    };

    private const string EnvFileA = "FROM_A=a\nSHARED=from-a\n";

    private const string EnvFileB = "FROM_B=b\nSHARED=from-b\n";

    public static TheoryData<string> Properties => new(ServiceKeys.All.Select(k => k.Property));

    public static TheoryData<string> PartCases => new(Parts.Select(p => p.Case));

    [Theory]
    [MemberData(nameof(PartCases))]
    public void APartSetInBaseAndProfile_SurvivesMinimalOverlayEmissionAndDocker(string name)
    {
        var part = Parts.Single(p => p.Case == name);
        Check(ServiceKeys.All.Single(k => k.Property == part.Property), part.Path, part.Base, part.Profile);
    }

    [Fact]
    public void EveryServiceSpecProperty_HasExactlyOneEntry()
    {
        var properties = typeof(ServiceSpec).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name)
            .Where(n => n != nameof(ServiceSpec.Name))
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(properties, ServiceKeys.All.Select(k => k.Property).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(ServiceKeys.All.Count, ServiceKeys.All.Select(k => k.Path ?? k.Property).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryEntry_HasASample_AndEveryCallIsADslMember()
    {
        Assert.Equal(ServiceKeys.All.Select(k => k.Property).OrderBy(n => n, StringComparer.Ordinal), Samples.Keys.OrderBy(n => n, StringComparer.Ordinal));
        var members = typeof(IServiceBuilder).GetMethods().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var call in ServiceKeys.All.SelectMany(k => k.Calls).Where(c => c != ServiceSettings.RemoveMember))
        {
            Assert.Contains(call, members);
        }

        // A call names one key: provenance maps a finding's key back to exactly one entry.
        Assert.Equal(ServiceKeys.All.SelectMany(k => k.Calls).Count(), ServiceKeys.All.SelectMany(k => k.Calls).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void KeysBelowOneParent_AreContiguous_SoTheEmitterOpensEachParentOnce()
    {
        var paths = ServiceKeys.All.Where(k => k.Path is not null).Select(k => k.Path!).ToList();
        foreach (var parent in paths.SelectMany(p => Prefixes(p)).Distinct(StringComparer.Ordinal))
        {
            var positions = paths.Select((p, i) => (p, i)).Where(e => e.p.StartsWith(parent + ".", StringComparison.Ordinal)).Select(e => e.i).ToList();
            Assert.True(positions[^1] - positions[0] == positions.Count - 1, $"the keys below '{parent}' are split in the table");
        }

        // The check can fail.
        Assert.Contains(paths, p => p.StartsWith("deploy.placement.", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Prefixes(string path)
    {
        for (var dot = path.IndexOf('.'); dot >= 0; dot = path.IndexOf('.', dot + 1))
        {
            yield return path.Substring(0, dot);
        }
    }

    [Fact]
    public void EveryComposePath_IsListedInCoverage()
    {
        var coverage = File.ReadAllText(Path.Combine(ExternalTool.RepositoryRoot, "docs", "compose-coverage.md"));
        var missing = ServiceKeys.All.Where(k => k.Path is not null && !coverage.Contains("| `" + k.Path + "` |", StringComparison.Ordinal)).Select(k => k.Path);
        Assert.Empty(missing);
    }

    // Issue 13's bar: every key Swarm honours is offered, with a test; a key the DSL does not offer says why Swarm
    // does not honour it. A row is one line of a "| Compose key | DSL call | ... |" table.
    [Fact]
    public void EveryCoverageRow_IsOfferedWithATest_OrSaysWhySwarmDoesNotHonourIt()
    {
        var lines = File.ReadAllLines(Path.Combine(ExternalTool.RepositoryRoot, "docs", "compose-coverage.md"));
        string[]? header = null;
        var rows = 0;
        var wrong = new List<string>();
        foreach (var line in lines)
        {
            if (!line.StartsWith('|'))
            {
                header = null;
                continue;
            }

            var cells = Cells(line);
            if (cells[0] == "Compose key")
            {
                header = cells;
                continue;
            }

            if (header is null || !cells[0].StartsWith('`'))
            {
                continue;
            }

            rows++;
            if (cells.Length != header.Length)
            {
                wrong.Add($"{cells[0]}: {cells.Length} cells under a header of {header.Length}");
                continue;
            }

            var call = cells[Array.IndexOf(header, "DSL call")];
            var test = cells[Array.IndexOf(header, "Test")];
            var why = new[] { "Ignored by Swarm", "Rejected", "Refused at deploy", "Never written" };
            if (call.Contains("not offered", StringComparison.Ordinal))
            {
                wrong.Add($"{cells[0]}: not offered; offer it with a test, or say why Swarm does not honour it");
            }
            else if (call == "(none)" ? !why.Any(w => line.Contains(w, StringComparison.Ordinal)) : test.Length == 0)
            {
                wrong.Add(call == "(none)" ? $"{cells[0]}: not offered, and the row does not say why Swarm does not honour it" : $"{cells[0]}: offered as {call}, but no test is named");
            }
        }

        Assert.True(rows > 100, $"only {rows} rows read: has the table's header changed?");
        Assert.Empty(wrong);

        // A cell may hold an escaped pipe (`single\|multi`).
        static string[] Cells(string line) =>
            line.Trim().Trim('|').Replace("\\|", "\u0001", StringComparison.Ordinal).Split('|').Select(c => c.Trim()).ToArray();
    }

    [Theory]
    [MemberData(nameof(Properties))]
    public void AValueSetInBaseAndProfile_SurvivesMinimalOverlayEmissionAndDocker(string property)
    {
        var key = ServiceKeys.All.Single(k => k.Property == property);
        var (inBase, inProfile) = Samples[property];
        Check(key, key.Path, inBase, inProfile);
    }

    private static void Check(ServiceKey key, string? composePath, Action<IServiceBuilder> inBase, Action<IServiceBuilder> inProfile)
    {
        var property = key.Property;
        var stack = new StackBuilder("keys", "docker-stack.yml");
        stack.Network("net");
        stack.Network("net2");
        stack.Volume("data");
        foreach (var name in new[] { "cfg", "cfg2" })
        {
            stack.Config(name).External();
        }

        foreach (var name in new[] { "sec", "sec2" })
        {
            stack.Secret(name).External();
        }

        inBase(stack.Service("app").Image("busybox:1.36.1"));
        stack.Profile("prod", prod => inProfile(prod.Service("app")));
        var model = stack.Build().Model;
        var plan = OverlayPlanner.Plan(model.Base, model.Profiles[0]);
        var baseService = model.Base.Service("app")!;
        var change = model.Profiles[0].Changes.Service("app")!;
        var effective = plan.Effective.Service("app")!;

        if (key.Merge == MergeKind.Request)
        {
            // A removal never reaches a file: it is reported instead.
            Assert.Contains(plan.Findings, f => f.Id == "IKS0004");
            Assert.Null(key.Path);
            return;
        }

        // Nothing the profile said is lost: merging its value again over the effective service changes nothing, or the
        // planner finds nothing left to write for it.
        var empty = new ServiceSpec("app");
        Assert.True(
            Equals(Value(key.MergeInto(effective, effective, change), property), Value(effective, property))
            || Equals(Value(key.MinimalInto(empty, effective, change), property), Value(empty, property)),
            $"the profile's {property} is lost: {Value(change, property)} over {Value(baseService, property)} gave {Value(effective, property)}");
        Assert.NotEqual(Value(baseService, property), Value(effective, property));
        if (composePath is null)
        {
            Assert.Null(key.Emit(effective));
            return;
        }

        // The files go to deploy/ below the project folder, which holds the env files the samples read.
        using var folder = new TempFolder();
        folder.Write("env/a.env", EnvFileA);
        folder.Write("env/b.env", EnvFileB);
        var baseFile = folder.Write("deploy/base.yml", ComposeFileEmitter.Emit(model.Base));
        var overlayFile = folder.Write("deploy/prod.yml", ComposeFileEmitter.Emit(plan.Overlay));
        var effectiveFile = folder.Write("deploy/effective.yml", ComposeFileEmitter.Emit(plan.Effective));
        var merged = DockerCli.StackConfigOrFail(baseFile, overlayFile);
        Assert.Equal(DockerCli.StackConfigOrFail(effectiveFile), merged);

        var path = new[] { "services", "app" }.Concat(composePath.Split('.')).ToArray();
        var before = Yaml.Find(Yaml.Parse(DockerCli.StackConfigOrFail(baseFile)), path);
        var after = Yaml.Find(Yaml.Parse(merged), path);
        Assert.True(after is not null, $"docker's parse of base + overlay has no {composePath}:\n{merged}");
        Assert.NotEqual(Text(before), Text(after));
    }

    private static object? Value(ServiceSpec service, string property) => typeof(ServiceSpec).GetProperty(property)!.GetValue(service);

    private static string Text(YamlNode? node)
    {
        if (node is null)
        {
            return "<absent>";
        }

        var stream = new YamlStream(new YamlDocument(node));
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
