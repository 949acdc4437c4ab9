using System.Diagnostics;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Iklim.StackSdk.Swarm.Tests;

[CollectionDefinition(Name)]
public sealed class SwarmCollection : ICollectionFixture<SwarmFixture>
{
    public const string Name = "Swarm";
}

/// <summary>
/// A real single-node Docker Swarm for the whole Swarm collection. If no daemon answers on DOCKER_HOST
/// (default unix:///var/run/docker.sock) it starts <c>dockerd</c> itself, with a throw-away data root, inside a
/// UTS namespace whose hostname is the inventory's first node (so <c>node.hostname == iklim-app-01</c> holds).
/// Then: <c>swarm init</c>, the node's inventory labels, the external networks and secrets the sample uses,
/// the host directories its bind mounts need, and a busybox placeholder image tagged with every image name.
/// Disposal undoes all of it (stacks, swarm, dockerd by PID, mounts, temp dirs, created bind dirs, bridges),
/// also when setup failed half-way.
/// </summary>
public sealed class SwarmFixture : SwarmFixtureBase
{
    /// <summary>The local image every stack image name is tagged to.</summary>
    public const string PlaceholderImage = Placeholder.Image;

    private const string StateDir = "/tmp/iklim-swarm-tests";
    private static readonly string StalePidFile = Path.Combine(StateDir, "dockerd.pid");
    private static readonly string CreatedManifest = Path.Combine(StateDir, "created.txt");

    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _stubs = new(StringComparer.Ordinal);
    private readonly List<string> _createdDirs = new();
    private readonly HashSet<string> _deployedStacks = new(StringComparer.Ordinal);
    private readonly List<string> _bridgesBefore = new();
    private readonly List<string> _daemonDirsCreated = new();
    private Process? _dockerd;
    private int _dockerdPid;
    private string? _runDir;
    private bool _swarmInitialised;
    private bool _placeholderImported;

    public SwarmFixture(IMessageSink sink)
        : base(sink, "Swarm", "swarm")
    {
        Docker = new DockerCli(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock");
    }

    /// <summary>The sample stack, built from its C# definition.</summary>
    public static StackModel Sample { get; } = StackBuilder.Run(new IklimProd.InfraStack()).Model;

    public DockerCli Docker { get; }

    /// <summary>The one node of the Swarm as the scheduler sees it.</summary>
    public NodeFacts Node { get; private set; } = new(string.Empty, NodeRole.Manager, new Dictionary<string, string>());

    /// <summary>True when this fixture started dockerd (rather than using a daemon that already answered).</summary>
    public bool StartedDaemon => _dockerd is not null;

    /// <summary>Every scope a deploy can produce: the base alone, and the base merged with each profile's overlay as Docker merges the files.</summary>
    public static IEnumerable<(string Name, StackScope Scope)> DeployedScopes(StackModel model)
    {
        yield return ("base", model.Base);
        foreach (var profile in StackPlan.Of(model).Profiles)
        {
            yield return (profile.Profile.Name, profile.Plan.Effective);
        }
    }

    /// <summary>
    /// Makes the Swarm ready for <paramref name="model"/>: its external networks, secrets and configs, the host
    /// directories of its bind mounts, and the placeholder tagged with its images (re-imported when a service
    /// needs a command stub the placeholder lacks).
    /// </summary>
    public void Prepare(StackModel model)
    {
        var scopes = DeployedScopes(model).Select(s => s.Scope).ToList();
        var services = scopes.SelectMany(s => s.Services).ToList();

        var stubs = Placeholder.Stubs(model).ToList();
        if (!_placeholderImported || stubs.Any(s => !_stubs.Contains(s)))
        {
            _stubs.UnionWith(stubs);
            ImportPlaceholder();
        }

        foreach (var image in services.Select(s => s.Image).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            Docker.Check("tag", PlaceholderImage, image);
            if (_tags.Add(image))
            {
                Log($"tagged {PlaceholderImage} as {image}");
            }
        }

        CreateExternals(Docker, scopes);

        foreach (var source in services.SelectMany(s => s.Volumes).Select(v => v.Source).Where(s => s.StartsWith('/')).Distinct())
        {
            EnsureBindSource(source);
        }
    }

    /// <summary>
    /// Writes <paramref name="model"/>'s artefacts to a fresh folder and runs the deploy command the artefact's own
    /// header states (<c># Deploy: docker stack deploy -c ... name</c>), i.e. the command the README gives. Variables
    /// with a fallback are unset (so the fallback, a named volume, applies); the others get a dummy value.
    /// </summary>
    public CommandResult Deploy(StackModel model, string artefactPath, ITestOutputHelper output)
    {
        var (stack, result) = Placeholder.Deploy(Docker, model, artefactPath, output);
        _deployedStacks.Add(stack);
        return result;
    }

    /// <summary>Removes <paramref name="stack"/> and waits until its services, containers and networks are gone.</summary>
    public void RemoveStack(string stack)
    {
        Docker.RemoveStack(stack, TimeSpan.FromSeconds(60));
        _deployedStacks.Remove(stack);
    }

    protected override string WhyRoot => "they start dockerd and create the sample's bind-mount directories such as /opt/iklimco/vault/data";

    protected override string Packages => "docker.io busybox-static";

    protected override void AddMissing(List<string> missing)
    {
        if (Shell.Which("tar") is null)
        {
            missing.Add("tar");
        }

        if (missing.Count == 0 && !Docker.Answers() && DockerdPath() is null)
        {
            missing.Add($"dockerd (apt package docker.io): no daemon answers on {Docker.Host}");
        }
    }

    protected override void SetUp()
    {
        var inventoryNode = Sample.Base.Nodes.FirstOrDefault();
        Directory.CreateDirectory(StateDir);
        KillStaleDockerd();
        if (Docker.Answers())
        {
            var state = Docker.Check("info", "--format", "{{.Swarm.LocalNodeState}}").Trim();
            if (state != "inactive")
            {
                Missing = $"the daemon at {Docker.Host} is already in a swarm (state '{state}'); the tests will not touch a swarm they did not create.";
                return;
            }

            Log($"using the daemon that already answers on {Docker.Host}");
        }
        else
        {
            StartDockerd(inventoryNode?.Hostname);
        }

        Docker.Check("swarm", "init", "--advertise-addr", "127.0.0.1");
        _swarmInitialised = true;
        Log("docker swarm init --advertise-addr 127.0.0.1");

        var nodeId = Docker.Check("info", "--format", "{{.Swarm.NodeID}}").Trim();
        var hostname = Docker.Check("node", "inspect", nodeId, "--format", "{{.Description.Hostname}}").Trim();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = Sample.Base.Nodes.FirstOrDefault(n => n.Hostname == hostname) ?? inventoryNode;
        foreach (var (key, value) in node?.Labels ?? default)
        {
            Docker.Check("node", "update", "--label-add", $"{key}={value}", nodeId);
            labels[key] = value;
            Log($"docker node update --label-add {key}={value} {hostname}");
        }

        Node = new NodeFacts(hostname, NodeRole.Manager, labels);
        if (node is not null && node.Hostname != hostname)
        {
            Log($"NOTE: the node's hostname is '{hostname}', not the inventory's '{node.Hostname}': services pinned to '{node.Hostname}' are expected pending.");
        }

        Prepare(Sample);
    }

    private void StartDockerd(string? hostname)
    {
        if (!Docker.Host.StartsWith("unix://", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"No daemon answers on {Docker.Host} and the tests only start dockerd on a unix socket.");
        }

        foreach (var bridge in new[] { "docker0", "docker_gwbridge" })
        {
            if (Directory.Exists("/sys/class/net/" + bridge))
            {
                _bridgesBefore.Add(bridge);
            }
        }

        // dockerd and its containerd create these outside their data and exec roots; removed at teardown if new.
        _daemonDirsCreated.AddRange(new[] { "/opt/containerd", "/run/docker", "/run/containerd" }.Where(d => !Directory.Exists(d)));
        foreach (var dir in _daemonDirsCreated)
        {
            Remember("dir", dir);
        }

        foreach (var bridge in new[] { "docker_gwbridge", "docker0" }.Except(_bridgesBefore))
        {
            Remember("link", bridge);
        }

        _runDir = Path.Combine(StateDir, "run-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_runDir);
        var log = Path.Combine(_runDir, "dockerd.log");
        var pidFile = Path.Combine(_runDir, "exec", "dockerd.pid");
        var dockerd = new[]
        {
            DockerdPath()!, "--data-root", Path.Combine(_runDir, "data"), "--exec-root", Path.Combine(_runDir, "exec"),
            "--pidfile", pidFile, "-H", Docker.Host,
        };

        // A UTS namespace gives the daemon (and so the Swarm node) the inventory's hostname without renaming the machine.
        var uts = hostname is not null && Shell.Which("unshare") is not null && Shell.Run("unshare", new[] { "--uts", "true" }).Ok;
        var info = new ProcessStartInfo(uts ? "unshare" : "sh") { UseShellExecute = false, RedirectStandardInput = true };
        var arguments = uts
            ? new[] { "--uts", "sh", "-c", "\"$0\" hostname \"$1\" || exit 97; log=\"$2\"; shift 3; exec \"$@\" >>\"$log\" 2>&1", Placeholder.BusyboxPath()!, hostname!, log, "--" }
            : new[] { "-c", "log=\"$1\"; shift 2; exec \"$@\" >>\"$log\" 2>&1", "sh", log, "--" };
        foreach (var argument in arguments.Concat(dockerd))
        {
            info.ArgumentList.Add(argument);
        }

        // Swarm tasks would try to pull every image first; there is no registry here, so use the local tag at once.
        info.Environment["DOCKER_SERVICE_PREFER_OFFLINE_IMAGE"] = "1";
        _dockerd = Process.Start(info) ?? throw new InvalidOperationException("dockerd did not start.");
        _dockerd.StandardInput.Close();
        _dockerdPid = _dockerd.Id;
        File.WriteAllText(StalePidFile, _dockerdPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Log($"started dockerd (pid {_dockerdPid}{(uts ? $", UTS namespace with hostname {hostname}" : ", machine hostname")}, data root {_runDir}/data, log {log})");

        var answered = Poll.Try(() => _dockerd.HasExited || Docker.Answers(), TimeSpan.FromSeconds(60));
        if (_dockerd.HasExited || !answered)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(25)) : "(no log)";
            Missing = $"dockerd {(_dockerd.HasExited ? $"exited with {_dockerd.ExitCode}" : "did not answer within 60s")}; this machine cannot run a Docker daemon. Last lines of {log}:\n{tail}";
            return;
        }

        var pid = File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : "?";
        Log($"dockerd answers on {Docker.Host} (pidfile says {pid}); server {Docker.Check("version", "--format", "{{.Server.Version}}").Trim()}");
    }

    private void ImportPlaceholder()
    {
        var imported = Placeholder.Import(Docker, _stubs);
        _placeholderImported = true;
        Log(imported);
    }

    private void EnsureBindSource(string source)
    {
        if (File.Exists(source) || Directory.Exists(source))
        {
            return;
        }

        if (source.EndsWith(".sock", StringComparison.Ordinal) || source.StartsWith("/run/", StringComparison.Ordinal) || source.StartsWith("/var/run/", StringComparison.Ordinal))
        {
            Log($"NOTE: bind source {source} does not exist and is not created (a socket); its tasks will fail.");
            return;
        }

        // Remember the top-most directory that did not exist, to remove exactly what was created.
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

    private void KillStaleDockerd()
    {
        // A previous run killed before its teardown leaves its dockerd; the pid file names it. Only that PID is touched.
        if (File.Exists(StalePidFile) && int.TryParse(File.ReadAllText(StalePidFile).Trim(), out var pid))
        {
            var comm = $"/proc/{pid}/comm";
            if (File.Exists(comm) && File.ReadAllText(comm).Trim() == "dockerd")
            {
                Log($"stopping the dockerd a previous run left behind (pid {pid})");
                Stop(pid, null);
            }

            File.Delete(StalePidFile);
        }

        // What that run created outside its run dir (bind sources, the daemon's dirs, bridges), from its manifest.
        if (File.Exists(CreatedManifest))
        {
            foreach (var entry in File.ReadAllLines(CreatedManifest).Select(l => l.Split(' ', 2)).Where(e => e.Length == 2).Distinct())
            {
                if (entry[0] == "dir" && Directory.Exists(entry[1]))
                {
                    Log($"removing {entry[1]}, created by a previous run");
                    Directory.Delete(entry[1], recursive: true);
                }
                else if (entry[0] == "link" && Directory.Exists("/sys/class/net/" + entry[1]))
                {
                    Log($"deleting bridge {entry[1]}, created by a previous run");
                    Shell.Run("ip", new[] { "link", "delete", entry[1] });
                }
            }

            File.Delete(CreatedManifest);
        }

        foreach (var stale in Directory.GetDirectories(StateDir, "run-*"))
        {
            Log($"removing {stale}, left behind by a previous run");
            UnmountUnder(stale);
            Directory.Delete(stale, recursive: true);
        }
    }

    protected override void TearDown()
    {
        foreach (var stack in _deployedStacks.ToList())
        {
            Step("stack rm " + stack, () => Docker.Run("stack", "rm", stack));
        }

        _deployedStacks.Clear();
        if (_swarmInitialised)
        {
            Step("swarm leave", () => Docker.Check("swarm", "leave", "--force"));
            _swarmInitialised = false;
        }

        if (_dockerd is null)
        {
            foreach (var tag in _tags.Append(PlaceholderImage).Where(_ => _placeholderImported))
            {
                Step("rmi " + tag, () => Docker.Run("rmi", tag));
            }
        }
        else
        {
            var containerdPid = ReadPid(Path.Combine(_runDir!, "exec", "containerd", "containerd.pid"));
            Step($"stop dockerd (pid {_dockerdPid})", () => Stop(_dockerdPid, _dockerd));
            if (containerdPid is int c && File.Exists($"/proc/{c}/comm"))
            {
                Step($"stop its containerd (pid {c})", () => Stop(c, null));
            }

            Step("remove the dockerd pid file", () => File.Delete(StalePidFile));
            Step("unmount what dockerd left mounted", () => UnmountUnder(_runDir!));
            Step("remove " + _runDir, () => Directory.Delete(_runDir!, recursive: true));
            foreach (var bridge in new[] { "docker_gwbridge", "docker0" }.Except(_bridgesBefore))
            {
                Step("delete bridge " + bridge, () =>
                {
                    if (Directory.Exists("/sys/class/net/" + bridge))
                    {
                        Shell.Run("ip", new[] { "link", "delete", bridge });
                    }
                });
            }

            foreach (var dir in _daemonDirsCreated)
            {
                Step("remove " + dir, () =>
                {
                    if (Directory.Exists(dir))
                    {
                        Directory.Delete(dir, recursive: true);
                    }
                });
            }

            _daemonDirsCreated.Clear();
            _dockerd.Dispose();
            _dockerd = null;
            Tell($"dockerd (pid {_dockerdPid}) stopped and its state removed");
        }

        foreach (var dir in _createdDirs)
        {
            Step("remove " + dir, () => Directory.Delete(dir, recursive: true));
        }

        _createdDirs.Clear();
        Step("remove the manifest", () =>
        {
            if (File.Exists(CreatedManifest))
            {
                File.Delete(CreatedManifest);
            }

            if (Directory.Exists(StateDir) && !Directory.EnumerateFileSystemEntries(StateDir).Any())
            {
                Directory.Delete(StateDir);
            }
        });
    }

    /// <summary>Notes something created outside the run dir, so a later run can remove it if this one is killed before its teardown.</summary>
    private static void Remember(string kind, string what) => File.AppendAllText(CreatedManifest, $"{kind} {what}\n");

    private static int? ReadPid(string file) =>
        File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;
}
