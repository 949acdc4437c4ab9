using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Cli.Reading;

/// <summary>One compose file read into the SDK's model, with where each key was and what was dropped.</summary>
/// <param name="File">The path as given.</param>
/// <param name="Version">The <c>version</c> it states, or null.</param>
/// <param name="Scope">Its services and resources: a base, or an overlay's changes.</param>
/// <param name="Lines">The 1-based line of every key path read (<c>services.redis.image</c>).</param>
/// <param name="Dropped">The fields left out (<c>x-</c> fields, a <c>restart</c> Docker ignores), as <c>file(line): key: why</c>.</param>
internal sealed record ComposeFile(string File, string? Version, StackScope Scope, IReadOnlyDictionary<string, long> Lines, IReadOnlyList<string> Dropped)
{
    /// <summary>The line of <paramref name="path"/>, or of its nearest parent that was read.</summary>
    public long LineOf(string path)
    {
        for (var key = path; key.Length > 0; key = key.LastIndexOf('.') is var dot and >= 0 ? key.Substring(0, dot) : string.Empty)
        {
            if (Lines.TryGetValue(key, out var line))
            {
                return line;
            }
        }

        return 0;
    }
}

/// <summary>
/// Reads a compose file as <c>docker stack config</c> reads it into <see cref="StackScope"/>: every key the DSL
/// can express is mapped; a key Docker rejects, or one the DSL cannot express yet, is an <see cref="ImportException"/>
/// at its line. <c>x-</c> fields, and a <c>restart</c> Docker ignores, are dropped and listed.
/// </summary>
internal sealed class ComposeReader
{
    // The service keys of the compose file format 3.x schema that Swarm ignores (docs/compose-coverage.md), so the DSL
    // has no call for them and the importer refuses them at their line.
    private static readonly HashSet<string> InexpressibleServiceKeys = new(StringComparer.Ordinal)
    {
        "build", "cgroup_parent", "container_name", "depends_on", "devices", "domainname",
        "expose", "external_links", "ipc", "links", "mac_address", "network_mode", "pid",
        "privileged", "security_opt", "shm_size", "tmpfs", "userns_mode",
    };

    private readonly YamlNodes _yaml;
    private readonly Dictionary<string, long> _lines = new(StringComparer.Ordinal);
    private readonly List<string> _dropped = new();

    private ComposeReader(YamlNodes yaml) => _yaml = yaml;

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static ComposeFile Read(string path)
    {
        var reader = new ComposeReader(YamlNodes.Load(path));
        return reader.ReadFile();
    }

    private ComposeFile ReadFile()
    {
        string? version = null;
        var scope = StackScope.Empty;
        if (_yaml.Root is { } root)
        {
            foreach (var (key, value, path, _) in Entries(root, string.Empty))
            {
                switch (key)
                {
                    case "version":
                        version = _yaml.Text(value, path);
                        if (!version.StartsWith("3", StringComparison.Ordinal))
                        {
                            throw _yaml.Error(value, path, $"version '{version}': docker stack deploy reads compose file format 3.x only.");
                        }

                        break;
                    case "services":
                        scope = scope with { Services = Named(value, path, ReadService) };
                        break;
                    case "networks":
                        scope = scope with { Networks = Named(value, path, ReadNetwork) };
                        break;
                    case "volumes":
                        scope = scope with { Volumes = Named(value, path, ReadVolume) };
                        break;
                    case "secrets":
                        scope = scope with { Secrets = Named(value, path, ReadSecret) };
                        break;
                    case "configs":
                        scope = scope with { Configs = Named(value, path, ReadConfig) };
                        break;
                    default:
                        throw Rejected(value, path);
                }
            }
        }

        return new ComposeFile(_yaml.File, version, scope, _lines, _dropped);
    }

    // Entries with their lines recorded, x- fields dropped and reported.
    private IEnumerable<(string Key, YamlNode Value, string Path, YamlNode KeyNode)> Entries(YamlNode node, string path, bool extensions = true)
    {
        foreach (var entry in _yaml.Entries(node, path))
        {
            _lines[entry.Path] = entry.KeyNode.Start.Line;
            if (extensions && entry.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                Drop(entry.Path, entry.Key == "x-cluster-spec"
                    ? "docker stack deploy creates no volume and never reads it; create the cluster volume beforehand (docker volume create --driver <csi plugin> --scope/--sharing/--group ...)."
                    : "an x- field is an extension Docker ignores; anchors defined in it were resolved into the keys that use them.");
                continue;
            }

            yield return entry;
        }
    }

    private void Drop(string path, string why) =>
        _dropped.Add($"{_yaml.File}({_lines[path].ToString(CultureInfo.InvariantCulture)}): {path}: {why}");

    private ImportException Rejected(YamlNode node, string path) =>
        AtKey(node, path, $"'{path.Substring(path.LastIndexOf('.') + 1)}' is not a key of the compose file format 3.x here: Docker rejects it.");

    private ImportException Inexpressible(YamlNode node, string path, string? why = null) =>
        AtKey(node, path, why ?? $"the DSL cannot express '{path.Substring(path.LastIndexOf('.') + 1)}' yet, so the file cannot be imported as it is.");

    // A problem with a key is reported on the key's line; a value on a line of its own would point past it.
    private ImportException AtKey(YamlNode node, string path, string problem) =>
        _lines.TryGetValue(path, out var line) ? new ImportException(_yaml.File, line, path, problem) : _yaml.Error(node, path, problem);

    private ValueList<T> Named<T>(YamlNode node, string path, Func<string, YamlNode, string, T> read) =>
        Entries(node, path).Select(e => read(e.Key, e.Value, e.Path)).ToValueList();

    private ServiceSpec ReadService(string name, YamlNode node, string path)
    {
        var s = new ServiceSpec(name);
        (YamlNode Value, string Path)? restart = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            if (key == "restart")
            {
                restart = (value, p);
                continue;
            }

            s = key switch
            {
                "image" => s with { Image = _yaml.Text(value, p) },
                "hostname" => s with { Hostname = _yaml.Text(value, p) },
                "command" => s with { Command = Command(value, p) },
                "entrypoint" => s with { Entrypoint = Command(value, p) },
                "user" => s with { User = _yaml.Text(value, p) },
                "working_dir" => s with { WorkingDir = _yaml.Text(value, p) },
                "stop_grace_period" => s with { StopGracePeriod = _yaml.Text(value, p) },
                "environment" => s with { Environment = Map(value, p, EnvironmentWithoutValue) },
                "env_file" => s with { EnvFiles = EnvFiles(value, p) },
                "labels" => s with { Labels = Map(value, p, null) },
                "networks" => s with { Networks = ServiceNetworks(value, p) },
                "ports" => s with { Ports = _yaml.Items(value, p).SelectMany((item, i) => Ports(item, Index(p, i))).ToValueList() },
                "volumes" => s with { Volumes = _yaml.Items(value, p).Select((item, i) => Mount(item, Index(p, i))).ToValueList() },
                "secrets" => s with { Secrets = References(value, p) },
                "configs" => s with { Configs = References(value, p) },
                "healthcheck" => s with { Healthcheck = Healthcheck(value, p) },
                "logging" => s with { Logging = Logging(value, p) },
                "deploy" => Deploy(s, value, p),
                "extra_hosts" => s with { ExtraHosts = ExtraHosts(value, p) },
                "dns" => s with { Dns = _yaml.Strings(value, p).ToValueList() },
                "dns_search" => s with { DnsSearch = _yaml.Strings(value, p).ToValueList() },
                "cap_add" => s with { CapAdd = _yaml.Strings(value, p).ToValueList() },
                "cap_drop" => s with { CapDrop = _yaml.Strings(value, p).ToValueList() },
                "sysctls" => s with { Sysctls = Map(value, p, null) },
                "ulimits" => s with { Ulimits = Entries(value, p, extensions: false).Select(e => Ulimit(e.Key, e.Value, e.Path)).ToValueList() },
                "init" => s with { Init = _yaml.Boolean(value, p) ? true : throw Inexpressible(value, p, InitFalse) },
                "read_only" => s with { ReadOnly = Flag(value, p) },
                "tty" => s with { Tty = Flag(value, p) },
                "stdin_open" => s with { StdinOpen = Flag(value, p) },
                "stop_signal" => s with { StopSignal = _yaml.Text(value, p) },
                "isolation" => s with { Isolation = Isolation(value, p) },
                "credential_spec" => s with { CredentialSpec = CredentialSpec(value, p) },
                _ when InexpressibleServiceKeys.Contains(key) => throw Inexpressible(value, p),
                _ => throw Rejected(value, p),
            };
        }

        return restart is var (restartValue, restartPath) ? LegacyRestart(s, restartValue, restartPath) : s;
    }

    // docker stack deploy prints "Ignoring unsupported options: restart" yet its converter reads restart when
    // deploy.restart_policy is absent (measured on Swarm with docker CLI 28.2.2, docs/compose-coverage.md):
    // always and unless-stopped give condition any, on-failure[:N] gives on-failure with max attempts N, and no
    // gives no policy, so Swarm's default. Beside deploy.restart_policy it is ignored.
    private ServiceSpec LegacyRestart(ServiceSpec s, YamlNode node, string path)
    {
        var text = _yaml.Text(node, path);
        if (Interpolation.Contains(text))
        {
            throw Inexpressible(node, path, $"restart '{text}': the DSL writes the policy it is given, not one read from a variable; state it, or use .RestartPolicy.");
        }

        var colon = text.IndexOf(':');
        var name = colon < 0 ? text : text.Substring(0, colon);
        var count = colon < 0 ? null : text.Substring(colon + 1);
        if (name is not ("" or "no" or "always" or "unless-stopped" or "on-failure"))
        {
            throw _yaml.Error(node, path, $"restart '{text}': docker stack deploy refuses it (\"unknown restart policy: {name}\"); it accepts no, always, unless-stopped or on-failure[:N].");
        }

        int? attempts = null;
        if (count is not null)
        {
            if (!int.TryParse(count, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                throw _yaml.Error(node, path, $"restart '{text}': docker stack deploy refuses it (\"invalid restart policy format: maximum retry count must be an integer\").");
            }

            if (name != "on-failure")
            {
                throw Inexpressible(node, path, $"restart '{text}': docker CLI 28 drops the count of {name}, newer ones keep it as max attempts; state deploy.restart_policy instead.");
            }

            if (n < 0)
            {
                throw Inexpressible(node, path, $"restart '{text}': docker CLI 28 deploys a negative count as max attempts 18446744073709551615 and newer ones refuse it (\"maximum retry count cannot be negative\"); state deploy.restart_policy instead.");
            }

            attempts = n > 0 ? n : null;
        }

        if (s.RestartPolicy is not null)
        {
            Drop(path, "Docker ignores restart beside deploy.restart_policy; the restart_policy was imported.");
            return s;
        }

        if (name is "" or "no")
        {
            Drop(path, $"restart '{text}' gives no restart policy, so Swarm's default (condition any, restart on every exit) applies; the DSL writes that default by writing no .RestartPolicy.");
            return s;
        }

        var condition = name == "on-failure" ? RestartCondition.OnFailure : RestartCondition.Any;
        return s with { RestartPolicy = new RestartPolicySpec(condition, null, attempts, null) };
    }

    // Docker drops an empty isolation; the engine reads the word in any case (container.Isolation.IsHyperV).
    private Isolation? Isolation(YamlNode node, string path) => _yaml.Text(node, path).ToLowerInvariant() switch
    {
        "" => null,
        "default" => StackSdk.Isolation.Default,
        "process" => StackSdk.Isolation.Process,
        "hyperv" => StackSdk.Isolation.HyperV,
        var other => throw _yaml.Error(node, path, $"isolation '{other}': the engine accepts default, process or hyperv (docker stack config passes any word, the task then fails)."),
    };

    // Docker drops empty sources; docker stack deploy refuses more than one ('cannot specify both "Config" and "File"').
    private CredentialSpec? CredentialSpec(YamlNode node, string path)
    {
        string? config = null, file = null, registry = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            var text = _yaml.Text(value, p);
            var source = text.Length == 0 ? null : text;
            switch (key)
            {
                case "config":
                    config = source;
                    break;
                case "file":
                    file = source;
                    break;
                case "registry":
                    registry = source;
                    break;
                default:
                    throw Rejected(value, p);
            }
        }

        var spec = new CredentialSpec(config, file, registry);
        return Model.Keys.MergeRules.CredentialSources(spec) switch
        {
            0 => null,
            1 => spec,
            _ => throw AtKey(node, path, "credential_spec names more than one source (config, file, registry): docker stack deploy refuses it ('cannot specify both'). Keep one."),
        };
    }

    // init is a pointer in Docker's model: false overrides an engine that runs every container with an init.
    private const string InitFalse = "init: false turns off the init process an engine may add by default (dockerd --init); the DSL writes Init() only, so remove the key or set it to true.";

    // read_only, tty and stdin_open: Docker drops false, so false is the key left out.
    private bool? Flag(YamlNode node, string path) => _yaml.Boolean(node, path) ? true : null;

    // host:address or host=address in a list, or a mapping; Docker 28 reads each as host:address, without brackets.
    private ValueList<string> ExtraHosts(YamlNode node, string path)
    {
        static string Entry(string host, string address) => host + ":" + (address.StartsWith("[", StringComparison.Ordinal) && address.EndsWith("]", StringComparison.Ordinal) ? address.Substring(1, address.Length - 2) : address);
        if (node is YamlMappingNode)
        {
            return Map(node, path, "a host without an address: the DSL needs one.").Select(e => Entry(e.Key, e.Value)).ToValueList();
        }

        return _yaml.Items(node, path).Select((item, i) =>
        {
            var text = _yaml.Text(item, Index(path, i));
            var separator = text.IndexOf('=') is var equals and >= 0 ? equals : text.IndexOf(':');
            return separator <= 0
                ? throw _yaml.Error(item, Index(path, i), $"'{text}' is not host:address (Docker rejects it).")
                : Entry(text.Substring(0, separator), text.Substring(separator + 1));
        }).ToValueList();
    }

    // A path or a list of paths. Docker 28's stack loader refuses the long syntax and a list naming a file twice (measured).
    private ValueList<string> EnvFiles(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            return ValueList.Of(_yaml.Text(node, path));
        }

        var files = new List<string>();
        foreach (var (item, i) in _yaml.Items(node, path).Select((item, i) => (item, i)))
        {
            if (item is YamlMappingNode)
            {
                throw _yaml.Error(item, Index(path, i), "the long syntax of env_file (path, required, format) is refused by Docker 28's stack loader ('must be a string'): write the path alone.");
            }

            var file = _yaml.Text(item, Index(path, i));
            files.Add(files.Contains(file) ? throw _yaml.Error(item, Index(path, i), $"'{file}' is listed twice: Docker rejects an env_file list whose items are not unique.") : file);
        }

        return files.ToValueList();
    }

    // name: number, or name: { soft, hard }.
    private UlimitSpec Ulimit(string name, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            var single = _yaml.Integer(node, path);
            return new UlimitSpec(name, single, single);
        }

        int? soft = null, hard = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "soft":
                    soft = _yaml.Integer(value, p);
                    break;
                case "hard":
                    hard = _yaml.Integer(value, p);
                    break;
                default:
                    throw Rejected(value, p);
            }
        }

        return soft is { } s && hard is { } h ? new UlimitSpec(name, s, h) : throw _yaml.Error(node, path, "a ulimit needs soft and hard (Docker rejects one alone).");
    }

    private static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    // command and entrypoint: a list is exec form; a string is split as Docker splits it (shell words, no shell).
    private ValueList<string> Command(YamlNode node, string path) =>
        node is YamlScalarNode && !YamlNodes.IsNull(node)
            ? ShellWords.Split(_yaml.Text(node, path), problem => _yaml.Error(node, path, problem)).ToValueList()
            : _yaml.Strings(node, path).ToValueList();

    // environment, labels and options: a mapping, or a list of NAME=value. A name without a value is "" where
    // Docker reads it so (labels), and refused with <paramref name="noValue"/> elsewhere.
    private ValueMap Map(YamlNode node, string path, string? noValue)
    {
        var map = ValueMap.Empty;
        if (node is YamlSequenceNode)
        {
            foreach (var (item, i) in _yaml.Items(node, path).Select((item, i) => (item, i)))
            {
                var text = _yaml.Text(item, Index(path, i));
                var equals = text.IndexOf('=');
                if (equals < 0 && noValue is not null)
                {
                    throw Inexpressible(item, path + "." + text, noValue);
                }

                map = equals < 0 ? map.Set(text, string.Empty) : map.Set(text.Substring(0, equals), text.Substring(equals + 1));
            }

            return map;
        }

        foreach (var (key, value, p, _) in Entries(node, path, extensions: false))
        {
            var text = _yaml.TextOrNull(value, p);
            if (text is null && noValue is not null)
            {
                throw Inexpressible(value, p, noValue);
            }

            map = map.Set(key, text ?? string.Empty);
        }

        return map;
    }

    private const string EnvironmentWithoutValue =
        "a variable without a value takes it from the deploying shell; the DSL needs a value: write NAME: ${NAME} in the file to keep that meaning.";

    private const string OptionWithoutValue = "an option without a value: the DSL needs one.";

    private ValueList<ServiceNetwork> ServiceNetworks(YamlNode node, string path)
    {
        if (node is YamlSequenceNode)
        {
            return _yaml.Strings(node, path).Select(name => new ServiceNetwork(name, ValueList<string>.Empty)).ToValueList();
        }

        var networks = new List<ServiceNetwork>();
        foreach (var (name, value, p, _) in Entries(node, path))
        {
            var network = new ServiceNetwork(name, ValueList<string>.Empty);
            foreach (var (key, setting, sp, _) in Entries(value, p))
            {
                network = key switch
                {
                    "aliases" => network with { Aliases = _yaml.Strings(setting, sp).ToValueList() },
                    "driver_opts" => network with { DriverOptions = Map(setting, sp, OptionWithoutValue) },
                    "ipv4_address" or "ipv6_address" => throw Inexpressible(setting, sp),
                    _ => throw Rejected(setting, sp),
                };
            }

            networks.Add(network);
        }

        return networks.ToValueList();
    }

    private IEnumerable<PortSpec> Ports(YamlNode node, string path) =>
        node is YamlScalarNode ? ShortPorts(node, path, _yaml.Text(node, path)) : new[] { Port(node, path) };

    private PortSpec Port(YamlNode node, string path)
    {
        int? target = null;
        int? published = null;
        var protocol = PortProtocol.Tcp;
        var mode = PortMode.Ingress;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "target":
                    target = _yaml.Integer(value, p);
                    break;
                case "published":
                    published = _yaml.Integer(value, p);
                    break;
                case "protocol":
                    protocol = _yaml.Text(value, p) switch
                    {
                        "tcp" => PortProtocol.Tcp,
                        "udp" => PortProtocol.Udp,
                        var other => throw Inexpressible(value, p, $"protocol '{other}': the DSL has tcp and udp."),
                    };
                    break;
                case "mode":
                    mode = _yaml.Text(value, p) switch
                    {
                        "ingress" => PortMode.Ingress,
                        "host" => PortMode.Host,
                        var other => throw _yaml.Error(value, p, $"mode '{other}': Docker accepts ingress or host."),
                    };
                    break;
                default:
                    throw Rejected(value, p);
            }
        }

        if (target is null)
        {
            throw _yaml.Error(node, path, "a port needs a target (Docker rejects it).");
        }

        return new PortSpec(target.Value, published, protocol, mode);
    }

    // published:target[/protocol] or target[/protocol], each side a port or a range a-b, which Docker expands to one
    // entry per port (a published range over one target too); a host IP has no DSL call.
    private IEnumerable<PortSpec> ShortPorts(YamlNode node, string path, string text)
    {
        var protocol = PortProtocol.Tcp;
        var spec = text;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            protocol = text.Substring(slash + 1) switch
            {
                "tcp" => PortProtocol.Tcp,
                "udp" => PortProtocol.Udp,
                var other => throw Inexpressible(node, path, $"protocol '{other}' in '{text}': the DSL has tcp and udp."),
            };
            spec = text.Substring(0, slash);
        }

        var parts = spec.Split(':');
        if (parts.Length > 2)
        {
            throw Inexpressible(node, path, $"'{text}': the DSL cannot express a host IP (Swarm ignores it and listens on every address).");
        }

        int Number(string part) => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 65535
            ? n
            : throw _yaml.Error(node, path, $"'{text}' is not a port (Docker rejects it).");

        (int First, int Count) Range(string part)
        {
            var dash = part.IndexOf('-');
            if (dash < 0)
            {
                return (Number(part), 1);
            }

            var (first, last) = (Number(part.Substring(0, dash)), Number(part.Substring(dash + 1)));
            return last >= first ? (first, last - first + 1) : throw _yaml.Error(node, path, $"'{text}' is not a port range (Docker rejects it).");
        }

        var target = Range(parts[parts.Length - 1]);
        if (parts.Length == 1)
        {
            return Enumerable.Range(0, target.Count).Select(i => new PortSpec(target.First + i, null, protocol, PortMode.Ingress)).ToList();
        }

        var published = Range(parts[0]);
        if (target.Count != 1 && target.Count != published.Count)
        {
            throw _yaml.Error(node, path, $"'{text}': the published and target ranges differ in size (Docker rejects it).");
        }

        return Enumerable.Range(0, published.Count)
            .Select(i => new PortSpec(target.First + (target.Count == 1 ? 0 : i), published.First + i, protocol, PortMode.Ingress))
            .ToList();
    }

    private MountSpec Mount(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            var text = _yaml.Text(node, path);
            var parts = SplitMount(text);
            return parts.Count switch
            {
                2 => new MountSpec(parts[0], parts[1], false),
                3 when parts[2] is "ro" or "rw" => new MountSpec(parts[0], parts[1], parts[2] == "ro"),
                3 => throw Inexpressible(node, path, $"'{text}': the DSL has the mount options ro and rw, not '{parts[2]}'."),
                1 => throw Inexpressible(node, path, $"'{text}': the DSL cannot express an anonymous volume (no source)."),
                _ => throw _yaml.Error(node, path, $"'{text}' is not a mount (Docker rejects it)."),
            };
        }

        return LongMount(node, path);
    }

    // Long syntax as docker 28's stack loader and Swarm converter take it: what the converter refuses at deploy
    // (options of another type, a tmpfs with a source, an unknown type) is refused here at its line, and what the
    // loader or the converter drops for Swarm (tmpfs.mode, volume.subpath, bind.create_host_path and selinux,
    // consistency) is named rather than silently lost.
    private MountSpec LongMount(YamlNode node, string path)
    {
        string? type = null;
        string? source = null;
        string? target = null;
        var readOnly = false;
        var noCopy = false;
        BindPropagation? propagation = null;
        long? size = null;
        var options = new List<(string Kind, YamlNode Node, string Path)>();
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "type":
                    type = _yaml.Text(value, p);
                    break;
                case "source":
                    source = _yaml.Text(value, p);
                    break;
                case "target":
                    target = _yaml.Text(value, p);
                    break;
                case "read_only":
                    readOnly = _yaml.Boolean(value, p);
                    break;
                case "volume":
                    options.Add((key, value, p));
                    foreach (var (option, v, q, _) in Entries(value, p))
                    {
                        noCopy = option switch
                        {
                            "nocopy" => _yaml.Boolean(v, q),
                            "subpath" => throw Inexpressible(v, q, "volume.subpath: Docker's Swarm converter does not pass it to the service, so the DSL offers none."),
                            _ => throw Inexpressible(v, q, $"volume.{option}: Docker ignores it, so the DSL offers none."),
                        };
                    }

                    break;
                case "bind":
                    options.Add((key, value, p));
                    foreach (var (option, v, q, _) in Entries(value, p))
                    {
                        propagation = option == "propagation"
                            ? Propagation(v, q)
                            : throw Inexpressible(v, q, $"bind.{option}: Docker's stack loader drops it for Swarm, so the DSL offers none.");
                    }

                    break;
                case "tmpfs":
                    options.Add((key, value, p));
                    foreach (var (option, v, q, _) in Entries(value, p))
                    {
                        size = option == "size"
                            ? TmpfsSize(v, q)
                            : throw Inexpressible(v, q, $"tmpfs.{option}: Docker's stack loader drops it for Swarm, so the DSL offers none.");
                    }

                    break;
                case "consistency":
                    throw Inexpressible(value, p, "consistency: Swarm on Linux ignores it, so the DSL offers none.");
                case "cluster":
                    // Docker's schema has no cluster options (measured: "Additional property cluster is not allowed").
                    throw Rejected(value, p);
                default:
                    throw Rejected(value, p);
            }
        }

        var kind = type switch
        {
            null => throw _yaml.Error(node, path, "a long-syntax mount needs a type (Docker rejects it)."),
            "volume" => MountType.Volume,
            "bind" => MountType.Bind,
            "tmpfs" => MountType.Tmpfs,
            "cluster" => MountType.Cluster,
            "npipe" => MountType.Npipe,
            _ => throw _yaml.Error(node, path, $"a mount of type '{type}': Docker refuses it at deploy (the types are volume, bind, tmpfs, npipe and cluster)."),
        };
        if (options.FirstOrDefault(o => o.Kind != type) is { Node: not null } other)
        {
            throw AtKey(other.Node, other.Path, $"{other.Kind} options on a mount of type {type}: Docker refuses them at deploy.");
        }

        if (target is null)
        {
            throw _yaml.Error(node, path, "a mount needs a target (Docker rejects it).");
        }

        switch (kind)
        {
            case MountType.Tmpfs:
                return source is null
                    ? new MountSpec(string.Empty, target, readOnly) { Type = MountType.Tmpfs, TmpfsSize = size }
                    : throw AtKey(node, path + ".source", "a tmpfs has no source: Docker refuses it at deploy.");
            case MountType.Bind when source is null:
                throw _yaml.Error(node, path, "a bind mount needs a source (Docker rejects it).");
            case MountType.Bind when !Interpolation.Contains(source) && !source.StartsWith("/", StringComparison.Ordinal) && !source.StartsWith(".", StringComparison.Ordinal):
                throw AtKey(node, path + ".source", $"a bind source '{source}': the DSL takes a host path, absolute or starting with ./");
            case MountType.Cluster:
                return new MountSpec(ClusterSource(node, path, source), target, readOnly) { Type = MountType.Cluster };
            case MountType.Npipe when readOnly:
                throw AtKey(node, path + ".read_only", "a read-only named pipe: the Windows engine refuses it at deploy.");
            case MountType.Npipe:
                return new MountSpec(PipePath(node, path, "source", source), PipePath(node, path, "target", target), ReadOnly: false) { Type = MountType.Npipe };
            case MountType.Volume when source is null:
                throw Inexpressible(node, path, "a mount without a source: the DSL cannot express an anonymous volume.");
            case MountType.Volume when !Interpolation.Contains(source) && (source.StartsWith("/", StringComparison.Ordinal) || source.StartsWith(".", StringComparison.Ordinal)):
                throw AtKey(node, path + ".source", $"a volume whose source '{source}' is a path: Docker refuses it at deploy (undefined volume).");
        }

        // Without a long-only option the mount is the short-syntax one the DSL writes, as Volume(...) or Bind(...) build it.
        return kind == MountType.Volume && noCopy ? new MountSpec(source!, target, readOnly) { Type = MountType.Volume, NoCopy = true }
            : kind == MountType.Bind && propagation is not null ? new MountSpec(source!, target, readOnly) { Type = MountType.Bind, Propagation = propagation }
            : new MountSpec(source!, target, readOnly);
    }

    // Docker's converter refuses an empty source and an undeclared volume (the stack check reports that one, IKS0003);
    // a group is never declared. The DSL names the volume as written, so a ${VAR} that Docker would resolve is not taken.
    private string ClusterSource(YamlNode node, string path, string? source)
    {
        var group = source is not null && source.StartsWith(ComposeWords.ClusterVolumeGroupPrefix, StringComparison.Ordinal)
            ? source.Substring(ComposeWords.ClusterVolumeGroupPrefix.Length)
            : null;
        return source switch
        {
            null or "" => throw _yaml.Error(node, path, "a cluster mount needs a source, a volume or group:<name> (Docker refuses it at deploy: invalid cluster source)."),
            _ when group is "" => throw AtKey(node, path + ".source", "'group:' without a group name: Docker refuses it at deploy."),
            _ when group is not null && group.StartsWith(ComposeWords.ClusterVolumeGroupPrefix, StringComparison.Ordinal) => throw Inexpressible(node, path + ".source", $"a volume group named '{group}': the DSL takes a group's name without the prefix."),
            _ when Interpolation.Contains(source) => throw Inexpressible(node, path + ".source", $"a cluster mount's source '{source}': the DSL names a cluster volume or group as written, not through a variable."),
            _ when group is null && !Names.IsObjectName(source) => throw AtKey(node, path + ".source", $"a cluster mount's source '{source}' is not a volume name: Docker refuses it at deploy (undefined volume)."),
            _ => source,
        };
    }

    // The Windows engine takes only a pipe path at either end ("is not a valid pipe path"); the converter refuses an empty source.
    private string PipePath(YamlNode node, string path, string key, string? value) => value switch
    {
        null or "" => throw _yaml.Error(node, path, $"a named-pipe mount needs a {key} (Docker refuses it at deploy)."),
        _ when !Names.IsNamedPipe(value) => throw AtKey(node, path + "." + key, $"a named-pipe {key} '{value}' is not a pipe path (\\\\.\\pipe\\<name>): the Windows engine refuses it at deploy."),
        _ => value,
    };

    private BindPropagation Propagation(YamlNode node, string path) => _yaml.Text(node, path) switch
    {
        "rprivate" => BindPropagation.Rprivate,
        "private" => BindPropagation.Private,
        "rshared" => BindPropagation.Rshared,
        "shared" => BindPropagation.Shared,
        "rslave" => BindPropagation.Rslave,
        "slave" => BindPropagation.Slave,
        var other => throw _yaml.Error(node, path, $"'{other}' is not a mount propagation (Docker refuses it at deploy): rprivate, private, rshared, shared, rslave or slave."),
    };

    // Docker's schema wants a whole number of bytes, at least 0; it drops a 0.
    private long? TmpfsSize(YamlNode node, string path)
    {
        var text = _yaml.Text(node, path);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bytes) || Interpolation.Contains(text))
        {
            throw _yaml.Error(node, path, $"'{text}' is not a size in bytes (Docker rejects it: tmpfs.size must be an integer).");
        }

        return bytes switch
        {
            < 0 => throw _yaml.Error(node, path, $"'{text}': Docker rejects a negative tmpfs.size."),
            0 => null,
            _ => bytes,
        };
    }

    // The short syntax splits on ':', but not inside ${VAR:-fallback}, which Docker resolves before it splits.
    private static List<string> SplitMount(string text)
    {
        var parts = new List<string>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Interpolation.Sigil && i + 1 < text.Length && text[i + 1] == '{')
            {
                depth++;
                i++;
            }
            else if (text[i] == '}' && depth > 0)
            {
                depth--;
            }
            else if (text[i] == ':' && depth == 0)
            {
                parts.Add(text.Substring(start, i - start));
                start = i + 1;
            }
        }

        parts.Add(text.Substring(start));
        return parts;
    }

    private ValueList<FileReference> References(YamlNode node, string path) =>
        _yaml.Items(node, path).Select((item, i) =>
        {
            var p = Index(path, i);
            if (item is YamlScalarNode)
            {
                return new FileReference(_yaml.Text(item, p), null);
            }

            string? source = null, target = null, uid = null, gid = null;
            int? mode = null;
            foreach (var (key, value, kp, _) in Entries(item, p))
            {
                switch (key)
                {
                    case "source":
                        source = _yaml.Text(value, kp);
                        break;
                    case "target":
                        target = _yaml.Text(value, kp);
                        break;
                    case "uid":
                        uid = QuotedId(value, kp);
                        break;
                    case "gid":
                        gid = QuotedId(value, kp);
                        break;
                    case "mode":
                        mode = FileMode(value, kp);
                        break;
                    default:
                        throw Rejected(value, kp);
                }
            }

            return source is null
                ? throw _yaml.Error(item, p, "a reference needs a source (Docker rejects it).")
                : new FileReference(source, target) { Uid = uid, Gid = gid, Mode = mode };
        }).ToValueList();

    // The schema wants a string: Docker rejects uid: 999 unquoted.
    private string QuotedId(YamlNode node, string path) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } && long.TryParse(_yaml.Text(node, path), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? throw _yaml.Error(node, path, $"{path.Substring(path.LastIndexOf('.') + 1)} must be a string (Docker rejects a bare number): quote it.")
            : _yaml.Text(node, path);

    // A number as Docker's YAML reader takes it: 0440 and 0o440 are octal, 0x120 hexadecimal, anything else decimal.
    private int FileMode(YamlNode node, string path)
    {
        var text = _yaml.Text(node, path);
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain })
        {
            throw _yaml.Error(node, path, $"mode '{text}' must be a number (Docker rejects a string): write it unquoted, such as 0440.");
        }

        var (digits, radix) = text.StartsWith("0o", StringComparison.Ordinal) ? (text.Substring(2), 8)
            : text.StartsWith("0x", StringComparison.Ordinal) ? (text.Substring(2), 16)
            : text.Length > 1 && text[0] == '0' ? (text.Substring(1), 8)
            : (text, 10);
        var valid = digits.Length is > 0 and <= 6 && digits.All(c => Uri.IsHexDigit(c) && Uri.FromHex(c) < radix);
        var mode = valid ? Convert.ToInt32(digits, radix) : -1;
        return mode is >= 0 and <= 4095
            ? mode
            : throw _yaml.Error(node, path, $"mode '{text}' is not a file mode: write it in octal, such as 0440.");
    }

    private HealthcheckSpec Healthcheck(YamlNode node, string path)
    {
        var test = ValueList<string>.Empty;
        string? interval = null, timeout = null, startPeriod = null, startInterval = null;
        int? retries = null;
        bool? disabled = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "test":
                    // A string is run by the shell: Docker makes it CMD-SHELL.
                    test = value is YamlScalarNode && !YamlNodes.IsNull(value)
                        ? ValueList.Of("CMD-SHELL", _yaml.Text(value, p))
                        : _yaml.Strings(value, p).ToValueList();
                    break;
                case "interval":
                    interval = _yaml.Text(value, p);
                    break;
                case "timeout":
                    timeout = _yaml.Text(value, p);
                    break;
                case "retries":
                    retries = _yaml.Integer(value, p);
                    break;
                case "start_period":
                    startPeriod = _yaml.Text(value, p);
                    break;
                case "start_interval":
                    startInterval = _yaml.Text(value, p);
                    break;
                case "disable":
                    disabled = _yaml.Boolean(value, p) ? true : null;
                    break;
                default:
                    throw Rejected(value, p);
            }
        }

        if (disabled is true && !test.IsEmpty)
        {
            throw AtKey(node, path + ".disable", "test and disable together: docker stack deploy rejects them ('test and disable can't be set at the same time').");
        }

        if (disabled is true && ((interval ?? timeout ?? startPeriod) is not null || retries is not null))
        {
            throw AtKey(node, path + ".disable", "disable with interval, timeout, retries or start_period: Swarm ignores them when the check is disabled, and the DSL writes disable with start_interval at most. Remove the other settings.");
        }

        return new HealthcheckSpec(test, interval, timeout, retries, startPeriod) { StartInterval = startInterval, Disabled = disabled };
    }

    private LoggingSpec Logging(YamlNode node, string path)
    {
        string? driver = null;
        var options = ValueMap.Empty;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "driver":
                    driver = _yaml.Text(value, p);
                    break;
                case "options":
                    options = Map(value, p, OptionWithoutValue);
                    break;
                default:
                    throw Rejected(value, p);
            }
        }

        return new LoggingSpec(driver, options);
    }

    private ServiceSpec Deploy(ServiceSpec s, YamlNode node, string path)
    {
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            s = key switch
            {
                "mode" => s with
                {
                    Mode = _yaml.Text(value, p) switch
                    {
                        "replicated" => ServiceMode.Replicated,
                        "global" => ServiceMode.Global,
                        "replicated-job" => ServiceMode.ReplicatedJob,
                        "global-job" => ServiceMode.GlobalJob,
                        var other => throw _yaml.Error(value, p, $"mode '{other}': Docker accepts replicated, global, replicated-job or global-job."),
                    },
                },
                "replicas" => s with { Replicas = _yaml.Integer(value, p) },
                "endpoint_mode" => s with
                {
                    EndpointMode = _yaml.Text(value, p) switch
                    {
                        "vip" => EndpointMode.Vip,
                        "dnsrr" => EndpointMode.Dnsrr,
                        var other => throw _yaml.Error(value, p, $"endpoint_mode '{other}': Docker accepts vip or dnsrr."),
                    },
                },
                "labels" => s with { DeployLabels = Map(value, p, null) },
                "placement" => Placement(s, value, p),
                "restart_policy" => s with { RestartPolicy = Restart(value, p) },
                "update_config" => s with { UpdateConfig = Update(value, p) },
                "rollback_config" => s with { RollbackConfig = Update(value, p) },
                "resources" => s with { Resources = Resources(value, p) },
                _ => throw Rejected(value, p),
            };
        }

        return s;
    }

    private ServiceSpec Placement(ServiceSpec s, YamlNode node, string path)
    {
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            s = key switch
            {
                "constraints" => s with { Constraints = _yaml.Strings(value, p).ToValueList() },
                "preferences" => s with { Spread = _yaml.Items(value, p).Select((item, i) => Spread(item, Index(p, i))).ToValueList() },
                "max_replicas_per_node" => s with { MaxReplicasPerNode = _yaml.Integer(value, p) },
                _ => throw Rejected(value, p),
            };
        }

        return s;
    }

    private string Spread(YamlNode node, string path)
    {
        string? spread = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            spread = key == "spread" ? _yaml.Text(value, p) : throw Rejected(value, p);
        }

        return spread ?? throw _yaml.Error(node, path, "a preference needs spread: (Docker rejects it).");
    }

    private RestartPolicySpec Restart(YamlNode node, string path)
    {
        RestartCondition? condition = null;
        string? delay = null, window = null;
        int? maxAttempts = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "condition":
                    condition = _yaml.Text(value, p) switch
                    {
                        "none" => RestartCondition.None,
                        "on-failure" => RestartCondition.OnFailure,
                        "any" => RestartCondition.Any,
                        var other => throw _yaml.Error(value, p, $"condition '{other}': Docker accepts none, on-failure or any."),
                    };
                    break;
                case "delay":
                    delay = _yaml.Text(value, p);
                    break;
                case "max_attempts":
                    maxAttempts = _yaml.Integer(value, p);
                    break;
                case "window":
                    window = _yaml.Text(value, p);
                    break;
                default:
                    throw Rejected(value, p);
            }
        }

        return new RestartPolicySpec(condition, delay, maxAttempts, window);
    }

    private UpdateConfigSpec Update(YamlNode node, string path)
    {
        int? parallelism = null;
        string? delay = null, monitor = null;
        FailureAction? failureAction = null;
        UpdateOrder? order = null;
        string? ratio = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "parallelism":
                    parallelism = _yaml.Integer(value, p);
                    break;
                case "delay":
                    delay = _yaml.Text(value, p);
                    break;
                case "monitor":
                    monitor = _yaml.Text(value, p);
                    break;
                case "failure_action":
                    failureAction = _yaml.Text(value, p) switch
                    {
                        "pause" => FailureAction.Pause,
                        "continue" => FailureAction.Continue,
                        "rollback" => FailureAction.Rollback,
                        var other => throw _yaml.Error(value, p, $"failure_action '{other}': Docker accepts pause, continue or rollback."),
                    };
                    break;
                case "order":
                    order = _yaml.Text(value, p) switch
                    {
                        "stop-first" => UpdateOrder.StopFirst,
                        "start-first" => UpdateOrder.StartFirst,
                        var other => throw _yaml.Error(value, p, $"order '{other}': Docker accepts stop-first or start-first."),
                    };
                    break;
                case "max_failure_ratio":
                    ratio = FailureRatio(value, p);
                    break;
                default:
                    throw Rejected(value, p);
            }
        }

        return new UpdateConfigSpec(parallelism, delay, failureAction, monitor, ratio, order);
    }

    // A number, as Docker reads it (0.10 is 0.1); 0 is Docker's default, which it drops.
    private string? FailureRatio(YamlNode node, string path)
    {
        var text = _yaml.Text(node, path);
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio))
        {
            throw _yaml.Error(node, path, $"max_failure_ratio '{text}' must be a number (Docker rejects it).");
        }

        return ratio == 0 ? null : ratio.ToString("R", CultureInfo.InvariantCulture);
    }

    private ResourcesSpec Resources(YamlNode node, string path)
    {
        ResourceAmounts? limits = null, reservations = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "limits":
                    limits = Amounts(value, p);
                    break;
                case "reservations":
                    reservations = Amounts(value, p);
                    break;
                default:
                    throw Rejected(value, p);
            }
        }

        return new ResourcesSpec(limits, reservations);
    }

    private ResourceAmounts Amounts(YamlNode node, string path)
    {
        string? cpus = null, memory = null;
        int? pids = null;
        var generic = ValueList<GenericResourceSpec>.Empty;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "cpus":
                    cpus = _yaml.Text(value, p);
                    break;
                case "memory":
                    memory = _yaml.Text(value, p);
                    break;
                case "pids" when path.EndsWith(".limits", StringComparison.Ordinal):
                    pids = _yaml.Integer(value, p);
                    break;
                case "generic_resources" when path.EndsWith(".reservations", StringComparison.Ordinal):
                    generic = _yaml.Items(value, p).Select((item, i) => GenericResource(item, Index(p, i))).ToValueList();
                    break;
                case "devices":
                    throw Inexpressible(value, p);
                default:
                    throw Rejected(value, p);
            }
        }

        return new ResourceAmounts(cpus, memory) { Pids = pids, GenericResources = generic };
    }

    // Docker's 3.x schema has discrete_resource_spec only (named_resource_spec is rejected).
    private GenericResourceSpec GenericResource(YamlNode node, string path)
    {
        GenericResourceSpec? resource = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            resource = key == "discrete_resource_spec" ? DiscreteResource(value, p) : throw Rejected(value, p);
        }

        return resource ?? throw _yaml.Error(node, path, "a generic resource without discrete_resource_spec: it reserves nothing, and the DSL cannot write it.");
    }

    private GenericResourceSpec DiscreteResource(YamlNode node, string path)
    {
        var kind = string.Empty;
        long amount = 0;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            switch (key)
            {
                case "kind":
                    kind = _yaml.Text(value, p);
                    break;
                case "value":
                    var text = _yaml.Text(value, p);
                    if (value is not YamlScalarNode { Style: ScalarStyle.Plain } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    {
                        throw _yaml.Error(value, p, $"value '{text}' must be a number (Docker rejects it).");
                    }

                    amount = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                        ? whole
                        : throw _yaml.Error(value, p, $"value '{text}' is not a whole number: Docker cuts it to a whole one. Write the number of units.");
                    break;
                default:
                    throw Rejected(value, p);
            }
        }

        // A missing kind or value reads as "" or 0, which the DSL's GenericResource refuses at this entry.
        return new GenericResourceSpec(kind, amount);
    }

    private NetworkSpec ReadNetwork(string name, YamlNode node, string path)
    {
        var n = new NetworkSpec(name);
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            n = key switch
            {
                "external" => External(value, p, n.ExternalName, (external, named) => n with { External = external, ExternalName = named }),
                "driver" => n with { Driver = _yaml.Text(value, p) },
                "attachable" => n with { Attachable = _yaml.Boolean(value, p) },
                "name" => n with { ExternalName = _yaml.Text(value, p) },
                "driver_opts" => n with { DriverOptions = Map(value, p, OptionWithoutValue) },
                "internal" => n with { Internal = _yaml.Boolean(value, p) },
                "labels" => n with { Labels = Map(value, p, null) },
                "ipam" => Ipam(n, value, p),
                _ => throw Rejected(value, p),
            };
        }

        return n;
    }

    // Docker's 3.x schema allows only the driver and subnets here; Swarm picks gateways and ranges itself.
    private NetworkSpec Ipam(NetworkSpec n, YamlNode node, string path)
    {
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            n = key switch
            {
                "driver" => n with { IpamDriver = _yaml.Text(value, p) },
                "config" => n with { Subnets = _yaml.Items(value, p).Select((item, i) => Subnet(item, Index(p, i))).ToValueList() },
                _ => throw Rejected(value, p),
            };
        }

        return n;
    }

    private string Subnet(YamlNode node, string path)
    {
        string? subnet = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            subnet = key == "subnet" ? _yaml.Text(value, p) : throw Rejected(value, p);
        }

        return subnet ?? throw _yaml.Error(node, path, "an ipam config entry without a subnet: the DSL declares subnets only.");
    }

    private VolumeSpec ReadVolume(string name, YamlNode node, string path)
    {
        var v = new VolumeSpec(name);
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            v = key switch
            {
                "external" => External(value, p, v.ExternalName, (external, named) => v with { External = external, ExternalName = named }),
                "driver" => v with { Driver = _yaml.Text(value, p) },
                "driver_opts" => v with { DriverOptions = Map(value, p, OptionWithoutValue) },
                "name" => v with { ExternalName = _yaml.Text(value, p) },
                "labels" => v with { Labels = Map(value, p, null) },
                _ => throw Rejected(value, p),
            };
        }

        return v;
    }

    private FileResourceSpec ReadSecret(string name, YamlNode node, string path) => ReadFileResource(name, node, path, secret: true);

    // Docker's schema has no driver for configs, so a config's driver is rejected like any unknown key.
    private FileResourceSpec ReadConfig(string name, YamlNode node, string path) => ReadFileResource(name, node, path, secret: false);

    private FileResourceSpec ReadFileResource(string name, YamlNode node, string path, bool secret)
    {
        var r = new FileResourceSpec(name);
        YamlNode? driverNode = null;
        YamlNode? emptyDriver = null;
        foreach (var (key, value, p, _) in Entries(node, path))
        {
            // Docker drops an empty driver (docker stack config reads `driver: ""` back as no driver, and deploys the
            // secret from its file), so the import reads it as no driver.
            if (key == "driver" && secret && _yaml.Text(value, p).Length == 0)
            {
                emptyDriver = value;
                continue;
            }

            driverNode = key == "driver" ? value : driverNode;
            r = key switch
            {
                "external" => External(value, p, r.ExternalName, (external, named) => r with { External = external, ExternalName = named }),
                "file" => r with { File = _yaml.Text(value, p) },
                "name" => r with { ExternalName = _yaml.Text(value, p) },
                "labels" => r with { Labels = Map(value, p, null) },
                "template_driver" => r with { TemplateDriver = _yaml.Text(value, p) },
                "driver" when secret => r with { Driver = _yaml.Text(value, p) },
                "driver_opts" when secret => r with { DriverOptions = Map(value, p, OptionWithoutValue) },
                _ => throw Rejected(value, p),
            };
        }

        // The DSL refuses these pairs for the reasons Docker gives; the import says so at the driver's line.
        if (driverNode is not null && r.File is not null)
        {
            throw Inexpressible(driverNode, path + ".driver", "a secret's driver and file conflict: Docker refuses the pair (\"secret.driver and secret.file conflict\"); keep one.");
        }

        if (driverNode is not null && r.External)
        {
            throw Inexpressible(driverNode, path + ".driver", "Swarm ignores the driver of an external secret; remove the driver or external.");
        }

        if (emptyDriver is not null && r.File is null && !r.External)
        {
            throw AtKey(emptyDriver, path + ".driver", "an empty driver is no driver (Docker drops it), so the secret has no file, external or driver: docker stack deploy then reads the compose file's folder as the secret and fails ('read <folder>: is a directory'). Give it a file, external: true or a driver.");
        }

        if (r.Driver is null && !r.DriverOptions.IsEmpty)
        {
            throw Inexpressible(node, path + ".driver_opts", "driver_opts without a driver are dropped by Swarm, and the secret is then read from a file that is not there; add the driver or remove the options.");
        }

        return r;
    }

    // external: true, or the older external: { name: real-name }.
    private T External<T>(YamlNode node, string path, string? currentName, Func<bool, string?, T> set)
    {
        if (node is YamlMappingNode)
        {
            var named = currentName;
            foreach (var (key, value, p, _) in Entries(node, path))
            {
                named = key == "name" ? _yaml.Text(value, p) : throw Rejected(value, p);
            }

            return set(true, named);
        }

        return set(_yaml.Boolean(node, path), currentName);
    }
}
