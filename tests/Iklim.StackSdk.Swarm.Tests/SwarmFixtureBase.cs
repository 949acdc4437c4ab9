using System.Diagnostics;
using System.Globalization;
using Iklim.StackSdk.Model;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// What the one-node and the three-node Swarm fixtures share: the gate every test calls first (skip locally, fail
/// under CI=true or after a broken setup), a setup that undoes what it made when it fails half-way, the setup log,
/// the external objects a stack needs, and ending processes by their PID only.
/// </summary>
public abstract class SwarmFixtureBase : IAsyncLifetime
{
    private readonly IMessageSink _sink;
    private readonly string _what;
    private readonly string _tag;
    private readonly List<string> _setupLog = new();

    /// <param name="sink">Where setup and teardown report.</param>
    /// <param name="what">The Swarm in messages: <c>Swarm</c>, <c>three-node Swarm</c>.</param>
    /// <param name="tag">The prefix of every reported line: <c>swarm</c> gives <c>[swarm] ...</c>.</param>
    protected SwarmFixtureBase(IMessageSink sink, string what, string tag)
    {
        _sink = sink;
        _what = what;
        _tag = "[" + tag + "] ";
    }

    /// <summary>Why the Swarm is not available: a missing prerequisite (skip locally, fail under CI).</summary>
    public string? Missing { get; protected set; }

    /// <summary>Setup failed although the prerequisites were there: always a failure.</summary>
    public string? Broken { get; private set; }

    public IReadOnlyList<string> SetupLog => _setupLog;

    /// <summary>Call first in every Swarm test: skips (locally) or fails (CI=true, or a broken setup) with the reason.</summary>
    public void Require()
    {
        if (Broken is not null)
        {
            throw new InvalidOperationException($"The {_what} fixture failed to set up: " + Broken);
        }

        if (Missing is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true and the {_what} tests cannot run: " + Missing);
            }

            Skip.If(true, char.ToUpperInvariant(_what[0]) + _what[1..] + " tests skipped: " + Missing);
        }
    }

    public Task InitializeAsync()
    {
        try
        {
            Missing = MissingPrerequisite();
            if (Missing is null)
            {
                var started = Stopwatch.StartNew();
                SetUp();
                Log($"{_what} ready after {started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s");
            }
        }
        catch (Exception e)
        {
            Broken ??= e.ToString();
            Tell("setup failed: " + e.Message);
            TearDown();
        }

        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync()
    {
        TearDown();
        return Task.CompletedTask;
    }

    /// <summary>Why the fixture needs root, for the message when it is not.</summary>
    protected abstract string WhyRoot { get; }

    /// <summary>The apt packages that give every tool the fixture runs.</summary>
    protected abstract string Packages { get; }

    /// <summary>Adds to <paramref name="missing"/> what this fixture needs besides the docker CLI and busybox.</summary>
    protected abstract void AddMissing(List<string> missing);

    private string? MissingPrerequisite()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Docker Swarm tests run on Linux only.";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return $"they must run as root ({WhyRoot}).";
        }

        var missing = new List<string>();
        if (Shell.Which("docker") is null)
        {
            missing.Add("the docker CLI (apt package docker.io)");
        }

        if (Placeholder.BusyboxPath() is null)
        {
            missing.Add("/bin/busybox (apt package busybox-static)");
        }

        AddMissing(missing);
        return missing.Count == 0 ? null : "missing " + string.Join(", ", missing) + ". Install with: apt-get install -y " + Packages;
    }

    /// <summary>Starts the Swarm; may set <see cref="Missing"/> when the machine turns out unable to.</summary>
    protected abstract void SetUp();

    /// <summary>Undoes whatever setup made, however far it got; each step on its own (<see cref="Step"/>).</summary>
    protected abstract void TearDown();

    /// <summary>
    /// The external networks, secrets and configs of <paramref name="scopes"/>, created through
    /// <paramref name="manager"/> where they do not exist yet (a secret's or config's value is <c>x</c>).
    /// </summary>
    protected void CreateExternals(DockerCli manager, IReadOnlyList<StackScope> scopes)
    {
        foreach (var network in scopes.SelectMany(s => s.Networks).Where(n => n.External).Select(n => n.ExternalName ?? n.Name).Distinct())
        {
            if (!manager.Run("network", "inspect", network).Ok)
            {
                manager.Check("network", "create", "-d", "overlay", "--attachable", network);
                Log($"docker network create -d overlay --attachable {network}");
            }
        }

        foreach (var (kind, name) in scopes.SelectMany(s => s.Secrets.Where(x => x.External).Select(x => ("secret", x.ExternalName ?? x.Name))
                     .Concat(s.Configs.Where(x => x.External).Select(x => ("config", x.ExternalName ?? x.Name)))).Distinct())
        {
            if (!manager.Run(kind, "inspect", name).Ok)
            {
                var created = manager.RunIn(null, "x", null, kind, "create", name, "-");
                if (!created.Ok)
                {
                    throw new InvalidOperationException(created.ToString());
                }

                Log($"printf x | docker {kind} create {name} -");
            }
        }
    }

    /// <summary>One teardown step: a failure is reported and the next step still runs.</summary>
    protected void Step(string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            Tell($"teardown: {what} failed: {e.Message}");
        }
    }

    protected static string? DockerdPath() => Shell.Which("dockerd") ?? (File.Exists("/usr/sbin/dockerd") ? "/usr/sbin/dockerd" : null);

    protected static void UnmountUnder(string dir)
    {
        foreach (var mount in File.ReadLines("/proc/self/mounts").Select(l => l.Split(' ')[1]).Where(m => m.StartsWith(dir, StringComparison.Ordinal)).Reverse())
        {
            Shell.Run("umount", new[] { "-l", mount });
        }
    }

    /// <summary>True while <paramref name="pid"/> runs (exists and is not a zombie).</summary>
    protected static bool Alive(int pid) => File.Exists($"/proc/{pid}/stat") && File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z";

    /// <summary>SIGTERM, up to 30 s, then SIGKILL; by PID only.</summary>
    protected static void Stop(int pid, Process? child)
    {
        bool Gone() => child is not null ? child.HasExited : !Alive(pid);
        if (Gone())
        {
            return;
        }

        Shell.Run("kill", new[] { "-TERM", pid.ToString(CultureInfo.InvariantCulture) });
        if (!Poll.Try(Gone, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100)))
        {
            Shell.Run("kill", new[] { "-KILL", pid.ToString(CultureInfo.InvariantCulture) });
            Poll.Try(Gone, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        }

        child?.WaitForExit();
    }

    protected void Log(string line)
    {
        _setupLog.Add(line);
        Tell(line);
    }

    protected void Tell(string line) => _sink.OnMessage(new DiagnosticMessage(_tag + line));
}
