using System.Diagnostics;
using System.Globalization;
using Iklim.StackSdk.Model;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Iklim.StackSdk.Swarm.Tests;

[CollectionDefinition(Name)]
public sealed class ThreeNodeSwarmCollection : ICollectionFixture<ThreeNodeSwarmFixture>
{
    public const string Name = "Swarm, three nodes";
}

/// <summary>One daemon of the three-node Swarm: an inventory node of the sample's prod profile.</summary>
public sealed class SwarmNode
{
    internal SwarmNode(NodeSpec spec, string address, string runDir)
    {
        Spec = spec;
        Address = address;
        RunDir = runDir;
        Docker = new DockerCli("unix://" + Path.Combine(runDir, "docker.sock"));
    }

    /// <summary>The inventory node this daemon plays: hostname, labels, role.</summary>
    public NodeSpec Spec { get; }

    public string Hostname => Spec.Hostname;

    /// <summary>The node's address on the test bridge (its Swarm advertise address).</summary>
    public string Address { get; }

    /// <summary>Data root, exec root, pid file, socket and log of this daemon.</summary>
    public string RunDir { get; }

    /// <summary>The docker CLI against this node's own daemon.</summary>
    public DockerCli Docker { get; }

    /// <summary>The PID of this node's dockerd while it runs, else null.</summary>
    public int? Pid { get; internal set; }

    internal Process? Process { get; set; }

    public string Log => Path.Combine(RunDir, "dockerd.log");

    /// <summary>The node's own cgroup parent: every container of this daemon lives below it.</summary>
    public string CgroupParent => "/" + Hostname;
}

/// <summary>
/// A real three-node Docker Swarm made of the sample's prod inventory (iklim-app-01 manager, iklim-app-02 and
/// iklim-app-03 workers, all <c>type=service</c>). Each node is a <c>dockerd</c> in a network namespace and a
/// UTS namespace named after the node, joined to the others by a bridge in a fourth namespace; each has its own data
/// root, exec root, pid file, unix socket, <c>--bridge=none</c> and <c>--cgroup-parent</c>. <c>ip netns exec</c>
/// remounts <c>/sys</c>, which empties <c>/sys/fs/cgroup</c>, so the daemon's mount namespace gets the host's cgroup
/// hierarchies mounted again, and a private <c>/run</c> in which the daemon also listens on
/// <c>/var/run/docker.sock</c> (the sample's cert-reloader mounts it). Nothing can be pulled: busybox is imported on
/// every node and tagged with every image, the daemons prefer offline images, and stacks deploy with
/// <c>--resolve-image never</c>. Every process is ended by its own PID; disposal checks nothing is left behind.
/// </summary>
public sealed class ThreeNodeSwarmFixture : SwarmFixtureBase
{
    public const string Bridge = "iklim-swarm-br";

    private const string StateDir = "/tmp/iklim-swarm3-tests";
    private const string Subnet = "10.231.77.";
    private static readonly string Manifest = Path.Combine(StateDir, "created.txt");

    private readonly List<string> _namespaces = new();
    private readonly List<string> _createdDirs = new();
    private readonly HashSet<string> _deployedStacks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _preparedImages = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _stubs = new(StringComparer.Ordinal);
    private string? _runRoot;
    private bool _createdNetnsDir;

    public ThreeNodeSwarmFixture(IMessageSink sink)
        : base(sink, "three-node Swarm", "swarm3")
    {
    }

    /// <summary>The sample stack.</summary>
    public static StackModel Sample => SwarmFixture.Sample;

    /// <summary>The sample's prod profile as Docker deploys it: base merged with the prod overlay.</summary>
    public static StackScope Prod { get; } = SwarmFixture.DeployedScopes(Sample).Single(s => s.Name == "prod").Scope;

    /// <summary>The nodes, in inventory order (the first is the manager).</summary>
    public IReadOnlyList<SwarmNode> Nodes { get; private set; } = Array.Empty<SwarmNode>();

    /// <summary>The docker CLI against the manager.</summary>
    public DockerCli Manager => Nodes.First(n => n.Spec.Role == NodeRole.Manager).Docker;

    /// <summary>True while the sample's prod profile is deployed: a test deployed it and none has removed it since.</summary>
    public bool ProdDeployed { get; set; }

    public override Task DisposeAsync()
    {
        var started = Stopwatch.StartNew();
        TearDown();
        var left = LeftBehind();
        Tell($"teardown took {started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s; left behind: {(left.Count == 0 ? "nothing" : string.Join("; ", left))}");
        if (left.Count > 0)
        {
            // xunit reports a collection fixture that throws on disposal as a failure of the run.
            throw new InvalidOperationException("The three-node Swarm left things behind: " + string.Join("; ", left));
        }

        return Task.CompletedTask;
    }

    /// <summary>Makes every node ready for <paramref name="model"/>: placeholder tagged with its images, its external networks and secrets, its bind sources.</summary>
    public void Prepare(StackModel model)
    {
        var scopes = SwarmFixture.DeployedScopes(model).Select(s => s.Scope).ToList();
        var services = scopes.SelectMany(s => s.Services).ToList();
        var stubs = Placeholder.Stubs(model).ToList();
        if (_preparedImages.Count == 0 || stubs.Any(s => !_stubs.Contains(s)))
        {
            _stubs.UnionWith(stubs);
            _preparedImages.Clear();
            foreach (var node in Nodes)
            {
                var imported = Placeholder.Import(node.Docker, _stubs);
                Log($"{node.Hostname}: {imported}");
            }
        }

        foreach (var image in services.Select(s => s.Image).OfType<string>().Where(i => !_preparedImages.Contains(i)).Distinct(StringComparer.Ordinal).ToList())
        {
            foreach (var node in Nodes)
            {
                node.Docker.Check("tag", Placeholder.Image, image);
            }

            _preparedImages.Add(image);
            Log($"every node: docker tag {Placeholder.Image} {image}");
        }

        CreateExternals(Manager, scopes);

        // The daemons share the host's file system below their private /run: a bind source made here exists on every node.
        foreach (var source in services.SelectMany(s => s.Volumes).Select(v => v.Source).Where(s => s.StartsWith('/')).Distinct())
        {
            EnsureBindSource(source);
        }
    }

    /// <summary>Deploys <paramref name="artefactPath"/> of <paramref name="model"/> by the command in its header, with <c>--resolve-image never</c>.</summary>
    public CommandResult Deploy(StackModel model, string artefactPath, ITestOutputHelper output)
    {
        var (stack, result) = Placeholder.Deploy(Manager, model, artefactPath, output, "--resolve-image", "never");
        _deployedStacks.Add(stack);
        return result;
    }

    /// <summary>Removes <paramref name="stack"/> and waits until its services, and every node's containers and networks of it, are gone.</summary>
    public void RemoveStack(string stack)
    {
        Manager.Run("stack", "rm", stack);
        Poll.Until(
            () => Manager.StackServices(stack).Count == 0 && Nodes.All(n => n.Docker.StackContainers(stack).Count == 0),
            TimeSpan.FromSeconds(60),
            $"stack '{stack}' to be removed from every node");
        _deployedStacks.Remove(stack);
        if (stack == Sample.Name)
        {
            ProdDeployed = false;
        }
    }

    /// <summary>Stops <paramref name="node"/>'s daemon by its PID (SIGTERM: it stops its containers and containerd first) and ends what it left in its cgroup.</summary>
    public void StopDaemon(SwarmNode node)
    {
        if (node.Pid is not int pid)
        {
            return;
        }

        Stop(pid, node.Process);
        node.Process?.Dispose();
        node.Process = null;
        node.Pid = null;
        KillCgroup(node.CgroupParent, remove: false);
    }

    /// <summary>Starts <paramref name="node"/>'s daemon (again) in its namespaces, on its own data root, and waits until it answers.</summary>
    public void StartDaemon(SwarmNode node)
    {
        // The mounts the daemon's mount namespace needs again: the host's cgroup hierarchies, as /proc/self/mountinfo has them.
        var mounts = CgroupMounts();
        const string Script = """
            hostname "$1" || exit 97
            log="$2"
            shift 2
            while [ "$1" != "--" ]; do
              mkdir -p "$3" && mount -t "$1" -o "$2" "$1" "$3" || exit 98
              shift 3
            done
            shift
            mount -t tmpfs -o mode=755 tmpfs /run || exit 99
            var=$(readlink -f /var/run)
            [ "$var" = /run ] || mount -t tmpfs -o mode=755 tmpfs "$var" || exit 99
            exec "$@" >>"$log" 2>&1
            """;
        var info = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardInput = true };
        var arguments = new List<string> { "netns", "exec", node.Hostname, "unshare", "--uts", "sh", "-c", Script, "sh", node.Hostname, node.Log };
        foreach (var (type, options, target) in mounts)
        {
            arguments.AddRange(new[] { type, options, target });
        }

        arguments.Add("--");
        arguments.AddRange(new[]
        {
            DockerdPath()!, "--data-root", Path.Combine(node.RunDir, "data"), "--exec-root", Path.Combine(node.RunDir, "exec"),
            "--pidfile", Path.Combine(node.RunDir, "dockerd.pid"), "-H", node.Docker.Host, "-H", "unix:///var/run/docker.sock",
            "--bridge=none", "--cgroup-parent", node.CgroupParent,
        });
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Swarm tasks would try to reach a registry for every image first; there is none, so use the local tag at once.
        info.Environment["DOCKER_SERVICE_PREFER_OFFLINE_IMAGE"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dockerd did not start.");
        process.StandardInput.Close();
        node.Process = process;
        node.Pid = process.Id;
        Remember("pid", process.Id.ToString(CultureInfo.InvariantCulture));

        var answered = Poll.Try(() => process.HasExited || node.Docker.Answers(), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250));
        if (process.HasExited || !answered)
        {
            var tail = File.Exists(node.Log) ? string.Join('\n', File.ReadLines(node.Log).TakeLast(25)) : "(no log)";
            throw new InvalidOperationException($"dockerd of {node.Hostname} {(process.HasExited ? $"exited with {process.ExitCode}" : "did not answer within 60s")}. Last lines of {node.Log}:\n{tail}");
        }
    }

    /// <summary>The Swarm status of every node as the manager sees it (<c>Ready</c>, <c>Down</c>, ...), by hostname.</summary>
    public IReadOnlyDictionary<string, string> NodeStatus()
    {
        var result = Manager.Run("node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.Availability}}");
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => p[1] + (p.Length > 2 && p[2] != "Active" ? "/" + p[2] : string.Empty), StringComparer.Ordinal);
    }

    protected override string WhyRoot => "they create network namespaces and start dockerd";

    protected override string Packages => "docker.io busybox-static iproute2";

    protected override void AddMissing(List<string> missing)
    {
        if (DockerdPath() is null)
        {
            missing.Add("dockerd (apt package docker.io)");
        }

        if (Shell.Which("ip") is null)
        {
            missing.Add("ip (apt package iproute2)");
        }

        foreach (var tool in new[] { "unshare", "tar", "mount" })
        {
            if (Shell.Which(tool) is null)
            {
                missing.Add(tool);
            }
        }
    }

    protected override void SetUp()
    {
        Directory.CreateDirectory(StateDir);
        CleanUpAfterAKilledRun();
        var inventory = Prod.Nodes;
        Assert.True(inventory.Count == 3, $"the sample's prod inventory has {inventory.Count} nodes, not 3");
        Assert.True(inventory.Count(n => n.Role == NodeRole.Manager) >= 1, "the sample's prod inventory has no manager");

        _createdNetnsDir = !Directory.Exists("/run/netns");
        _runRoot = Path.Combine(StateDir, "run-" + Guid.NewGuid().ToString("N")[..8]);
        Nodes = inventory.Select((n, i) => new SwarmNode(n, Subnet + (11 + i).ToString(CultureInfo.InvariantCulture), Path.Combine(_runRoot, n.Hostname))).ToList();

        // The bridge namespace first, then one namespace per node with a veth into the bridge.
        NetNs(Bridge);
        Ip("-n", Bridge, "link", "set", "lo", "up");
        Ip("-n", Bridge, "link", "add", "br0", "type", "bridge");
        Ip("-n", Bridge, "link", "set", "br0", "up");
        for (var i = 0; i < Nodes.Count; i++)
        {
            var node = Nodes[i];
            var peer = "v" + (i + 1).ToString(CultureInfo.InvariantCulture);
            NetNs(node.Hostname);
            Ip("link", "add", "eth0", "netns", node.Hostname, "type", "veth", "peer", "name", peer, "netns", Bridge);
            Ip("-n", Bridge, "link", "set", peer, "master", "br0", "up");
            Ip("-n", node.Hostname, "addr", "add", node.Address + "/24", "dev", "eth0");
            Ip("-n", node.Hostname, "link", "set", "eth0", "up");
            Ip("-n", node.Hostname, "link", "set", "lo", "up");
            Directory.CreateDirectory(node.RunDir);
        }

        Log($"network namespaces {string.Join(", ", Nodes.Select(n => $"{n.Hostname} ({n.Address})"))} joined by br0 in namespace {Bridge}");

        foreach (var node in Nodes)
        {
            StartDaemon(node);
            Log($"{node.Hostname}: dockerd pid {node.Pid}, {node.Docker.Host}, cgroup parent {node.CgroupParent}, server {node.Docker.Check("version", "--format", "{{.Server.Version}}").Trim()}");
        }

        var manager = Nodes.First(n => n.Spec.Role == NodeRole.Manager);
        var swarmStarted = Stopwatch.StartNew();
        manager.Docker.Check("swarm", "init", "--advertise-addr", manager.Address, "--listen-addr", manager.Address + ":2377");
        Log($"{manager.Hostname}: docker swarm init --advertise-addr {manager.Address}");
        foreach (var node in Nodes.Where(n => n != manager))
        {
            var role = node.Spec.Role == NodeRole.Manager ? "manager" : "worker";
            var token = manager.Docker.Check("swarm", "join-token", "-q", role).Trim();
            node.Docker.Check("swarm", "join", "--token", token, "--advertise-addr", node.Address, "--listen-addr", node.Address + ":2377", manager.Address + ":2377");
            Log($"{node.Hostname}: docker swarm join as {role}");
        }

        Poll.Until(() => NodeStatus().Count == Nodes.Count && NodeStatus().Values.All(s => s == "Ready"), TimeSpan.FromSeconds(60), "all three nodes Ready");
        Log($"swarm of {Nodes.Count} nodes formed in {swarmStarted.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s");

        foreach (var node in Nodes)
        {
            foreach (var (key, value) in node.Spec.Labels)
            {
                Manager.Check("node", "update", "--label-add", $"{key}={value}", node.Hostname);
                Log($"docker node update --label-add {key}={value} {node.Hostname}");
            }
        }

        Prepare(Sample);
    }

    private void NetNs(string name)
    {
        Ip("netns", "add", name);
        _namespaces.Add(name);
        Remember("netns", name);
    }

    private static void Ip(params string[] arguments)
    {
        var result = Shell.Run("ip", arguments);
        if (!result.Ok)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }

    /// <summary>The cgroup file systems mounted at or below /sys/fs/cgroup, as (type, options, mount point), parents first.</summary>
    private static IReadOnlyList<(string Type, string Options, string Target)> CgroupMounts()
    {
        var mounts = new List<(string, string, string)>();
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var halves = line.Split(" - ", 2);
            var fields = halves[0].Split(' ');
            var rest = halves[1].Split(' ');
            var target = fields[4];
            if (target == "/sys/fs/cgroup" || target.StartsWith("/sys/fs/cgroup/", StringComparison.Ordinal))
            {
                mounts.Add((rest[0], rest[2], target));
            }
        }

        return mounts;
    }

    private void EnsureBindSource(string source)
    {
        if (File.Exists(source) || Directory.Exists(source) || source.EndsWith(".sock", StringComparison.Ordinal)
            || source.StartsWith("/run/", StringComparison.Ordinal) || source.StartsWith("/var/run/", StringComparison.Ordinal))
        {
            return;
        }

        var top = source;
        for (var parent = Path.GetDirectoryName(top); parent is not null && !Directory.Exists(parent); parent = Path.GetDirectoryName(parent))
        {
            top = parent;
        }

        Directory.CreateDirectory(source);
        _createdDirs.Add(top);
        Remember("dir", top);
        Log($"created bind source {source} (removed again at teardown: {top})");
    }

    /// <summary>A run killed before its teardown leaves daemons, namespaces, cgroups and dirs; its manifest names them.</summary>
    private void CleanUpAfterAKilledRun()
    {
        if (!File.Exists(Manifest))
        {
            return;
        }

        var entries = File.ReadAllLines(Manifest).Select(l => l.Split(' ', 2)).Where(e => e.Length == 2).Distinct().ToList();
        foreach (var pid in entries.Where(e => e[0] == "pid").Select(e => int.Parse(e[1], CultureInfo.InvariantCulture)))
        {
            var comm = $"/proc/{pid}/comm";
            if (File.Exists(comm) && File.ReadAllText(comm).Trim() == "dockerd")
            {
                Log($"stopping the dockerd a previous run left behind (pid {pid})");
                Stop(pid, null);
            }
        }

        foreach (var node in entries.Where(e => e[0] == "netns").Select(e => e[1]).Where(n => n != Bridge))
        {
            KillCgroup("/" + node, remove: true);
        }

        foreach (var name in entries.Where(e => e[0] == "netns").Select(e => e[1]))
        {
            if (File.Exists("/run/netns/" + name))
            {
                Log($"deleting network namespace {name}, created by a previous run");
                Shell.Run("ip", new[] { "netns", "delete", name });
            }
        }

        foreach (var dir in entries.Where(e => e[0] == "dir").Select(e => e[1]).Where(Directory.Exists))
        {
            Log($"removing {dir}, created by a previous run");
            Directory.Delete(dir, recursive: true);
        }

        foreach (var stale in Directory.GetDirectories(StateDir, "run-*"))
        {
            Log($"removing {stale}, left behind by a previous run");
            UnmountUnder(stale);
            Directory.Delete(stale, recursive: true);
        }

        File.Delete(Manifest);
    }

    protected override void TearDown()
    {
        if (Nodes.Any(n => n.Spec.Role == NodeRole.Manager && n.Pid is not null))
        {
            foreach (var stack in _deployedStacks.ToList())
            {
                Step("stack rm " + stack, () => RemoveStack(stack));
            }
        }

        // Workers first, so that none is left waiting for a manager that is gone.
        foreach (var node in Nodes.Reverse())
        {
            Step($"stop dockerd of {node.Hostname} (pid {node.Pid})", () => StopDaemon(node));
        }

        foreach (var node in Nodes)
        {
            Step($"remove cgroup {node.CgroupParent}", () => KillCgroup(node.CgroupParent, remove: true));
        }

        foreach (var name in Enumerable.Reverse(_namespaces).ToList())
        {
            Step("delete network namespace " + name, () => Ip("netns", "delete", name));
            _namespaces.Remove(name);
        }

        if (_createdNetnsDir)
        {
            Step("remove /run/netns", () =>
            {
                if (Directory.Exists("/run/netns") && !Directory.EnumerateFileSystemEntries("/run/netns").Any())
                {
                    Directory.Delete("/run/netns");
                }
            });
        }

        if (_runRoot is not null)
        {
            Step("unmount what the daemons left mounted", () => UnmountUnder(_runRoot));
            Step("remove " + _runRoot, () =>
            {
                if (Directory.Exists(_runRoot))
                {
                    Directory.Delete(_runRoot, recursive: true);
                }
            });
        }

        foreach (var dir in _createdDirs)
        {
            Step("remove " + dir, () => Directory.Delete(dir, recursive: true));
        }

        _createdDirs.Clear();
        Step("remove the manifest", () =>
        {
            if (File.Exists(Manifest))
            {
                File.Delete(Manifest);
            }

            if (Directory.Exists(StateDir) && !Directory.EnumerateFileSystemEntries(StateDir).Any())
            {
                Directory.Delete(StateDir);
            }
        });
    }

    /// <summary>What the fixture created and is still there: daemons, namespaces, mounts, cgroups, dirs.</summary>
    private List<string> LeftBehind()
    {
        var left = new List<string>();
        left.AddRange(Nodes.Where(n => n.Pid is int pid && Alive(pid)).Select(n => $"dockerd of {n.Hostname} (pid {n.Pid})"));
        left.AddRange(new[] { Bridge }.Concat(Nodes.Select(n => n.Hostname)).Where(n => File.Exists("/run/netns/" + n)).Select(n => "network namespace " + n));
        left.AddRange(File.ReadLines("/proc/self/mounts").Select(l => l.Split(' ')[1]).Where(m => m.StartsWith(StateDir, StringComparison.Ordinal)).Select(m => "mount " + m));
        foreach (var node in Nodes)
        {
            left.AddRange(CgroupMounts().Select(m => m.Target + node.CgroupParent).Where(Directory.Exists).Select(d => "cgroup " + d));
        }

        left.AddRange(_createdDirs.Where(Directory.Exists).Select(d => "dir " + d));
        if (_runRoot is not null && Directory.Exists(_runRoot))
        {
            left.Add("dir " + _runRoot);
        }

        return left;
    }

    /// <summary>Ends, by PID, every process still in <paramref name="parent"/> (shims and tasks a daemon left), then optionally removes the cgroup, deepest first.</summary>
    private void KillCgroup(string parent, bool remove)
    {
        foreach (var (_, _, target) in CgroupMounts())
        {
            var root = target + parent;
            if (!Directory.Exists(root))
            {
                continue;
            }

            var dirs = Directory.GetDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Append(root).ToList();
            foreach (var dir in dirs)
            {
                var procs = Path.Combine(dir, "cgroup.procs");
                if (!File.Exists(procs))
                {
                    continue;
                }

                foreach (var pid in File.ReadAllLines(procs).Where(l => l.Length > 0).Select(l => int.Parse(l, CultureInfo.InvariantCulture)))
                {
                    Tell($"ending pid {pid}, left in cgroup {dir}");
                    Shell.Run("kill", new[] { "-KILL", pid.ToString(CultureInfo.InvariantCulture) });
                }
            }

            if (remove)
            {
                foreach (var dir in dirs)
                {
                    Poll.Try(() => !Directory.Exists(dir) || Rmdir(dir), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
                }
            }
        }
    }

    private static bool Rmdir(string dir)
    {
        try
        {
            Directory.Delete(dir);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Remember(string kind, string what) => File.AppendAllText(Manifest, $"{kind} {what}\n");
}
