using System;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Building;

/// <summary>Records one service's settings into an immutable <see cref="ServiceSpec"/>, and which call set each.</summary>
internal sealed class ServiceBuilder : IServiceBuilder
{
    private readonly ScopeBuilder _scope;

    public ServiceBuilder(ScopeBuilder scope, string name)
    {
        _scope = scope;
        Spec = new ServiceSpec(name);
    }

    public string Name => Spec.Name;

    public ServiceSpec Spec { get; private set; }

    public IServiceBuilder Image(string image) => Set(SettingKey.Of(nameof(Image)), s => s with { Image = Require.Image(image, nameof(image)) });

    public IServiceBuilder Hostname(string hostname) => Set(SettingKey.Of(nameof(Hostname)), s => s with { Hostname = Require.NotEmpty(hostname, "A hostname", nameof(hostname)) });

    public IServiceBuilder Command(params string[] arguments) => Set(SettingKey.Of(nameof(Command)), s => s with { Command = Arguments(arguments, nameof(arguments)) });

    public IServiceBuilder Entrypoint(params string[] arguments) => Set(SettingKey.Of(nameof(Entrypoint)), s => s with { Entrypoint = Arguments(arguments, nameof(arguments)) });

    public IServiceBuilder User(string user) => Set(SettingKey.Of(nameof(User)), s => s with { User = Require.NotEmpty(user, "A user", nameof(user)) });

    public IServiceBuilder WorkingDir(string path) => Set(SettingKey.Of(nameof(WorkingDir)), s => s with { WorkingDir = Require.AbsolutePath(path, "The working directory", nameof(path)) });

    public IServiceBuilder StopGracePeriod(string duration) => Set(SettingKey.Of(nameof(StopGracePeriod)), s => s with { StopGracePeriod = Require.Duration(Require.NotEmpty(duration, "A duration", nameof(duration)), nameof(duration)) });

    public IServiceBuilder Environment(string name, string value)
    {
        Key(name, "An environment variable name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set(SettingKey.Of(nameof(Environment), name), s => s with { Environment = s.Environment.Set(name, value) });
    }

    public IServiceBuilder EnvFile(string path)
    {
        Require.NotEmpty(path, "An env file path", nameof(path));
        if (path[0] == '~')
        {
            throw Validation.Invalid.Argument($"Docker does not expand '~' in env_file (measured): '{path}' would be read below the deploy folder. Use an absolute path, or a path relative to the stack project.", nameof(path));
        }

        var file = ProjectPaths.Canonical(path);
        return Set(SettingKey.Of(nameof(EnvFile), path), s => s.EnvFiles.Any(f => ProjectPaths.Canonical(f) == file) ? s : s with { EnvFiles = s.EnvFiles.Add(path) });
    }

    public IServiceBuilder Label(string name, string value)
    {
        Key(name, "A label name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set(SettingKey.Of(nameof(Label), name), s => s with { Labels = s.Labels.Set(name, value) });
    }

    public IServiceBuilder ServiceLabel(string name, string value)
    {
        Key(name, "A label name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set(SettingKey.Of(nameof(ServiceLabel), name), s => s with { DeployLabels = s.DeployLabels.Set(name, value) });
    }

    public IServiceBuilder Network(string name, params string[] aliases)
    {
        Require.ObjectName(name, "network", nameof(name));
        var list = Arguments(aliases ?? Array.Empty<string>(), nameof(aliases), allowEmpty: true);
        return Set(SettingKey.Of(nameof(Network), name), s => s with
        {
            Networks = s.Networks.Upsert(n => n.Name == name, new ServiceNetwork(name, list) { DriverOptions = s.Networks.FirstOrDefault(n => n.Name == name)?.DriverOptions ?? ValueMap.Empty }),
        });
    }

    public IServiceBuilder NetworkDriverOption(string network, string name, string value)
    {
        Require.ObjectName(network, "network", nameof(network));
        Key(name, "A driver option name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set(SettingKey.Of(nameof(NetworkDriverOption), ServiceKeys.NetworkOption(network, name)), s =>
        {
            var attached = s.Networks.FirstOrDefault(n => n.Name == network) ?? new ServiceNetwork(network, ValueList<string>.Empty);
            return s with { Networks = s.Networks.Upsert(n => n.Name == network, attached with { DriverOptions = attached.DriverOptions.Set(name, value) }) };
        });
    }

    public IServiceBuilder Port(int published, int target, PortProtocol protocol = PortProtocol.Tcp, PortMode mode = PortMode.Ingress)
    {
        Require.Port(published, nameof(published));
        Require.Port(target, nameof(target));
        var port = new PortSpec(target, published, protocol, mode);
        return Set(SettingKey.Of(nameof(Port), published.ToString(CultureInfo.InvariantCulture)), s => s with { Ports = s.Ports.Upsert(p => p.Published == published && p.Protocol == protocol, port) });
    }

    public IServiceBuilder TargetPort(int target, PortProtocol protocol = PortProtocol.Tcp, PortMode mode = PortMode.Ingress)
    {
        Require.Port(target, nameof(target));
        var port = new PortSpec(target, null, protocol, mode);
        return Set(SettingKey.Of(nameof(TargetPort), target.ToString(CultureInfo.InvariantCulture)), s => s with { Ports = s.Ports.Upsert(p => p.Published is null && p.Target == target && p.Protocol == protocol, port) });
    }

    public IServiceBuilder PortRange(int published, int target, int count, PortProtocol protocol = PortProtocol.Tcp, PortMode mode = PortMode.Ingress)
    {
        Require.AtLeast(count, 1, "A port range's count", nameof(count));
        Require.Port(published, nameof(published));
        Require.Port(target, nameof(target));
        Require.Port(published + count - 1, nameof(count));
        Require.Port(target + count - 1, nameof(count));
        for (var i = 0; i < count; i++)
        {
            Port(published + i, target + i, protocol, mode);
        }

        return this;
    }

    public IServiceBuilder Volume(string source, string target, bool readOnly = false, bool noCopy = false)
    {
        Require.NotEmpty(source, "A volume source", nameof(source));
        if (!Names.HasInterpolation(source) && !Names.IsObjectName(source))
        {
            throw Validation.Invalid.Argument($"'{source}' is not a volume name; use Bind(...) for host paths.", nameof(source));
        }

        return Mount(new MountSpec(source, target, readOnly) { Type = noCopy ? MountType.Volume : null, NoCopy = noCopy }, nameof(target));
    }

    public IServiceBuilder Volume(string source, string target, bool readOnly) => Volume(source, target, readOnly, noCopy: false);

    public IServiceBuilder Bind(string hostPath, string target, bool readOnly = false, BindPropagation? propagation = null)
    {
        Require.HostPath(hostPath, "The host path", nameof(hostPath));
        if (propagation is { } p && !Enum.IsDefined(typeof(BindPropagation), p))
        {
            throw Validation.Invalid.Argument($"'{p}' is not a mount propagation such as BindPropagation.Rshared.", nameof(propagation));
        }

        return Mount(new MountSpec(hostPath, target, readOnly) { Type = propagation is null ? null : MountType.Bind, Propagation = propagation }, nameof(target));
    }

    public IServiceBuilder Bind(string hostPath, string target, bool readOnly) => Bind(hostPath, target, readOnly, propagation: null);

    public IServiceBuilder Tmpfs(string target, long? size = null, bool readOnly = false)
    {
        if (size is < 1)
        {
            throw Validation.Invalid.Argument($"A tmpfs size is a number of bytes, at least 1 (got {size.Value.ToString(CultureInfo.InvariantCulture)}); leave it out for no limit.", nameof(size));
        }

        return Mount(new MountSpec(string.Empty, target, readOnly) { Type = MountType.Tmpfs, TmpfsSize = size }, nameof(target));
    }

    public IServiceBuilder Tmpfs(string target, long? size) => Tmpfs(target, size, readOnly: false);

    public IServiceBuilder ClusterVolume(string volume, string target, bool readOnly = false) =>
        Mount(new MountSpec(Require.ObjectName(volume, "volume", nameof(volume)), target, readOnly) { Type = MountType.Cluster }, nameof(target));

    public IServiceBuilder ClusterVolumeGroup(string group, string target, bool readOnly = false) =>
        Mount(new MountSpec(ComposeWords.ClusterVolumeGroupPrefix + Require.ClusterVolumeGroup(group, nameof(group)), target, readOnly) { Type = MountType.Cluster }, nameof(target));

    public IServiceBuilder NamedPipe(string pipe, string target)
    {
        var mount = new MountSpec(Require.NamedPipe(pipe, "The pipe", nameof(pipe)), Require.NamedPipe(target, "The pipe target", nameof(target)), ReadOnly: false) { Type = MountType.Npipe };
        return Set(ServiceSettings.Volume(target), s => s with { Volumes = s.Volumes.Upsert(v => v.Target == target, mount) });
    }

    public IServiceBuilder Secret(string name, string? target = null, string? uid = null, string? gid = null, string? mode = null)
    {
        var reference = Reference(Require.ObjectName(name, "secret", nameof(name)), target, uid, gid, mode);
        return Set(SettingKey.Of(nameof(Secret), name), s => s with { Secrets = s.Secrets.Upsert(r => r.Source == name, reference) });
    }

    public IServiceBuilder Secret(string name, string? target) => Secret(name, target, uid: null, gid: null, mode: null);

    public IServiceBuilder Config(string name, string? target = null, string? uid = null, string? gid = null, string? mode = null)
    {
        var reference = Reference(Require.ObjectName(name, "config", nameof(name)), target, uid, gid, mode);
        return Set(SettingKey.Of(nameof(Config), name), s => s with { Configs = s.Configs.Upsert(r => r.Source == name, reference) });
    }

    public IServiceBuilder Config(string name, string? target) => Config(name, target, uid: null, gid: null, mode: null);

    public IServiceBuilder Healthcheck(string[] test, string? interval = null, string? timeout = null, int? retries = null, string? startPeriod = null)
    {
        var spec = new HealthcheckSpec(
            Arguments(test, nameof(test)),
            Require.Duration(interval, nameof(interval)),
            Require.Duration(timeout, nameof(timeout)),
            retries is { } r ? Require.AtLeast(r, 0, "Retries", nameof(retries)) : null,
            Require.Duration(startPeriod, nameof(startPeriod)));
        return Set(SettingKey.Of(nameof(Healthcheck)), s => s with { Healthcheck = spec with { StartInterval = s.Healthcheck?.StartInterval } });
    }

    public IServiceBuilder HealthcheckStartInterval(string duration)
    {
        var interval = Require.Duration(Require.NotEmpty(duration, "A duration", nameof(duration)), nameof(duration));
        return Set(SettingKey.Of(nameof(HealthcheckStartInterval)), s => s with
        {
            Healthcheck = (s.Healthcheck ?? new HealthcheckSpec(ValueList<string>.Empty, null, null, null, null)) with { StartInterval = interval },
        });
    }

    public IServiceBuilder DisableHealthcheck() =>
        Set(SettingKey.Of(nameof(DisableHealthcheck)), s => s with { Healthcheck = new HealthcheckSpec(ValueList<string>.Empty, null, null, null, null) { Disabled = true } });

    private static string Ratio(double ratio, string parameter)
    {
        if (double.IsNaN(ratio) || ratio <= 0 || ratio > 1)
        {
            throw new ArgumentOutOfRangeException(parameter, ratio, "A failure ratio is above 0 and at most 1 (0 is Docker's default, which an overlay cannot restore).");
        }

        return ratio.ToString("R", CultureInfo.InvariantCulture);
    }

    public IServiceBuilder Logging(string driver)
    {
        Require.NotEmpty(driver, "A logging driver", nameof(driver));
        return Set(SettingKey.Of(nameof(Logging)), s => s with { Logging = new LoggingSpec(driver, s.Logging?.Options ?? ValueMap.Empty) });
    }

    public IServiceBuilder LoggingOption(string name, string value)
    {
        Key(name, "A logging option name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set(SettingKey.Of(nameof(LoggingOption), name), s => s with { Logging = new LoggingSpec(s.Logging?.Driver, (s.Logging?.Options ?? ValueMap.Empty).Set(name, value)) });
    }

    public IServiceBuilder Replicas(int replicas) =>
        Set(SettingKey.Of(nameof(Replicas)), s => s with { Replicas = Require.AtLeast(replicas, 0, "Replicas", nameof(replicas)), Mode = ServiceMode.Replicated });

    public IServiceBuilder Global() => Set(SettingKey.Of(nameof(Global)), s => s with { Mode = ServiceMode.Global, Replicas = null });

    public IServiceBuilder ReplicatedJob(int completions = 1) =>
        Set(SettingKey.Of(nameof(ReplicatedJob)), s => s with { Mode = ServiceMode.ReplicatedJob, Replicas = Require.AtLeast(completions, 1, "A job's completions", nameof(completions)) });

    public IServiceBuilder GlobalJob() => Set(SettingKey.Of(nameof(GlobalJob)), s => s with { Mode = ServiceMode.GlobalJob, Replicas = null });

    public IServiceBuilder EndpointMode(EndpointMode mode) => Set(SettingKey.Of(nameof(EndpointMode)), s => s with { EndpointMode = mode });

    public IServiceBuilder Constraint(string constraint)
    {
        var normalized = Require.Constraint(constraint, nameof(constraint));
        return Set(SettingKey.Of(nameof(Constraint), normalized), s => s.Constraints.Contains(normalized) ? s : s with { Constraints = s.Constraints.Add(normalized) });
    }

    public IServiceBuilder PinToNode(string hostname)
    {
        Require.NotEmpty(hostname, "A node hostname", nameof(hostname));
        var constraint = "node.hostname == " + hostname;
        if (!Names.IsConstraint(constraint))
        {
            throw Validation.Invalid.Argument($"'{hostname}' is not a node hostname.", nameof(hostname));
        }

        return Set(SettingKey.Of(nameof(Constraint), constraint), s => s.Constraints.Contains(constraint) ? s : s with { Constraints = s.Constraints.Add(constraint) });
    }

    public IServiceBuilder Spread(string descriptor)
    {
        Require.NotEmpty(descriptor, "A spread descriptor", nameof(descriptor));
        if (!descriptor.StartsWith("node.", StringComparison.Ordinal) && !descriptor.StartsWith("engine.labels.", StringComparison.Ordinal))
        {
            throw Validation.Invalid.Argument($"'{descriptor}' is not a spread descriptor: use node.hostname, node.labels.<name> or engine.labels.<name>.", nameof(descriptor));
        }

        return Set(SettingKey.Of(nameof(Spread), descriptor), s => s.Spread.Contains(descriptor) ? s : s with { Spread = s.Spread.Add(descriptor) });
    }

    public IServiceBuilder MaxReplicasPerNode(int max) => Set(SettingKey.Of(nameof(MaxReplicasPerNode)), s => s with { MaxReplicasPerNode = Require.AtLeast(max, 1, "max_replicas_per_node", nameof(max)) });

    public IServiceBuilder RestartPolicy(RestartCondition condition, string? delay = null, int? maxAttempts = null, string? window = null)
    {
        var spec = new RestartPolicySpec(
            condition,
            Require.Duration(delay, nameof(delay)),
            maxAttempts is { } m ? Require.AtLeast(m, 0, "max_attempts", nameof(maxAttempts)) : null,
            Require.Duration(window, nameof(window)));
        return Set(SettingKey.Of(nameof(RestartPolicy)), s => s with { RestartPolicy = spec });
    }

    public IServiceBuilder UpdateConfig(int? parallelism = null, string? delay = null, UpdateOrder? order = null, FailureAction? failureAction = null, string? monitor = null) =>
        Set(SettingKey.Of(nameof(UpdateConfig)), s => s with { UpdateConfig = Update(parallelism, delay, order, failureAction, monitor) with { MaxFailureRatio = s.UpdateConfig?.MaxFailureRatio } });

    public IServiceBuilder RollbackConfig(int? parallelism = null, string? delay = null, UpdateOrder? order = null, FailureAction? failureAction = null, string? monitor = null) =>
        Set(SettingKey.Of(nameof(RollbackConfig)), s => s with { RollbackConfig = Update(parallelism, delay, order, failureAction, monitor) with { MaxFailureRatio = s.RollbackConfig?.MaxFailureRatio } });

    public IServiceBuilder UpdateFailureRatio(double ratio)
    {
        var text = Ratio(ratio, nameof(ratio));
        return Set(SettingKey.Of(nameof(UpdateFailureRatio)), s => s with { UpdateConfig = (s.UpdateConfig ?? Update(null, null, null, null, null)) with { MaxFailureRatio = text } });
    }

    public IServiceBuilder RollbackFailureRatio(double ratio)
    {
        var text = Ratio(ratio, nameof(ratio));
        return Set(SettingKey.Of(nameof(RollbackFailureRatio)), s => s with { RollbackConfig = (s.RollbackConfig ?? Update(null, null, null, null, null)) with { MaxFailureRatio = text } });
    }

    public IServiceBuilder PidsLimit(int pids)
    {
        Require.AtLeast(pids, 1, "A pids limit", nameof(pids));
        return Set(SettingKey.Of(nameof(PidsLimit)), s => s with
        {
            Resources = new ResourcesSpec((s.Resources?.Limits ?? new ResourceAmounts(null, null)) with { Pids = pids }, s.Resources?.Reservations),
        });
    }

    public IServiceBuilder Limits(string? cpus = null, string? memory = null)
    {
        var amounts = Amounts(cpus, memory);
        return Set(SettingKey.Of(nameof(Limits)), s => s with { Resources = new ResourcesSpec(amounts with { Pids = s.Resources?.Limits?.Pids }, s.Resources?.Reservations) });
    }

    public IServiceBuilder Reservations(string? cpus = null, string? memory = null)
    {
        var amounts = Amounts(cpus, memory);
        return Set(SettingKey.Of(nameof(Reservations)), s => s with
        {
            Resources = new ResourcesSpec(s.Resources?.Limits, amounts with { GenericResources = s.Resources?.Reservations?.GenericResources ?? ValueList<GenericResourceSpec>.Empty }),
        });
    }

    public IServiceBuilder GenericResource(string kind, long value)
    {
        Require.NotEmpty(kind, "A generic resource kind", nameof(kind));
        if (!kind.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.'))
        {
            throw Validation.Invalid.Argument($"'{kind}' is not a generic resource kind such as gpu or NVIDIA-GPU: use letters, digits, '-', '_' and '.'.", nameof(kind));
        }

        if (value < 1)
        {
            // Swarm runs a task reserving 0 or -1 without complaint (measured): neither reserves anything meaningful.
            throw new ArgumentOutOfRangeException(nameof(value), value, "A generic resource reservation is at least 1 unit.");
        }

        var resource = new GenericResourceSpec(kind, value);
        return Set(SettingKey.Of(nameof(GenericResource), kind), s =>
        {
            var reservations = s.Resources?.Reservations ?? new ResourceAmounts(null, null);
            var kept = reservations.GenericResources.Where(r => r.Kind != kind);
            return s with { Resources = new ResourcesSpec(s.Resources?.Limits, reservations with { GenericResources = kept.Append(resource).ToValueList() }) };
        });
    }

    public IServiceBuilder ExtraHost(string hostname, string address)
    {
        Require.NotEmpty(hostname, "A host name", nameof(hostname));
        if (hostname.IndexOf(':') >= 0 || hostname.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{hostname}' is not a host name: it cannot contain ':' or whitespace.", nameof(hostname));
        }

        var entry = hostname + ":" + IpAddress(address, nameof(address));
        return Set(SettingKey.Of(nameof(ExtraHost), entry), s => s.ExtraHosts.Contains(entry) ? s : s with { ExtraHosts = s.ExtraHosts.Add(entry) });
    }

    public IServiceBuilder Dns(string address)
    {
        var server = IpAddress(address, nameof(address));
        return Set(SettingKey.Of(nameof(Dns), server), s => s.Dns.Contains(server) ? s : s with { Dns = s.Dns.Add(server) });
    }

    public IServiceBuilder DnsSearch(string domain)
    {
        Key(domain, "A search domain", nameof(domain));
        return Set(SettingKey.Of(nameof(DnsSearch), domain), s => s.DnsSearch.Contains(domain) ? s : s with { DnsSearch = s.DnsSearch.Add(domain) });
    }

    public IServiceBuilder CapAdd(string capability)
    {
        var name = Capability(capability, nameof(capability));
        return Set(SettingKey.Of(nameof(CapAdd), name), s => s.CapAdd.Contains(name) ? s : s with { CapAdd = s.CapAdd.Add(name) });
    }

    public IServiceBuilder CapDrop(string capability)
    {
        var name = Capability(capability, nameof(capability));
        return Set(SettingKey.Of(nameof(CapDrop), name), s => s.CapDrop.Contains(name) ? s : s with { CapDrop = s.CapDrop.Add(name) });
    }

    public IServiceBuilder Sysctl(string name, string value)
    {
        Key(name, "A sysctl name", nameof(name));
        Require.NotEmpty(value, "A sysctl value", nameof(value));
        return Set(SettingKey.Of(nameof(Sysctl), name), s => s with { Sysctls = s.Sysctls.Set(name, value) });
    }

    public IServiceBuilder Ulimit(string name, int soft, int? hard = null)
    {
        Require.NotEmpty(name, "A ulimit name", nameof(name));
        if (!name.All(c => c >= 'a' && c <= 'z'))
        {
            throw new ArgumentException($"'{name}' is not a ulimit name such as nofile or nproc.", nameof(name));
        }

        Require.AtLeast(soft, 0, "A soft limit", nameof(soft));
        var hardLimit = hard ?? soft;
        if (hardLimit < soft)
        {
            throw new ArgumentException($"The hard limit {hardLimit} of '{name}' is below its soft limit {soft}.", nameof(hard));
        }

        var ulimit = new UlimitSpec(name, soft, hardLimit);
        return Set(SettingKey.Of(nameof(Ulimit), name), s => s with { Ulimits = s.Ulimits.Upsert(u => u.Name == name, ulimit) });
    }

    public IServiceBuilder Init() => Set(SettingKey.Of(nameof(Init)), s => s with { Init = true });

    public IServiceBuilder ReadOnly() => Set(SettingKey.Of(nameof(ReadOnly)), s => s with { ReadOnly = true });

    public IServiceBuilder Tty() => Set(SettingKey.Of(nameof(Tty)), s => s with { Tty = true });

    public IServiceBuilder StdinOpen() => Set(SettingKey.Of(nameof(StdinOpen)), s => s with { StdinOpen = true });

    public IServiceBuilder StopSignal(string signal)
    {
        Require.NotEmpty(signal, "A stop signal", nameof(signal));
        if (!System.Text.RegularExpressions.Regex.IsMatch(signal, "^(SIG[A-Z0-9+-]+|[0-9]+)$"))
        {
            throw new ArgumentException($"'{signal}' is not a signal such as SIGTERM, SIGQUIT or 15.", nameof(signal));
        }

        return Set(SettingKey.Of(nameof(StopSignal)), s => s with { StopSignal = signal });
    }

    public IServiceBuilder Isolation(Isolation isolation)
    {
        if (!Enum.IsDefined(typeof(Isolation), isolation))
        {
            throw Validation.Invalid.Argument($"'{isolation}' is not an isolation such as Isolation.Process.", nameof(isolation));
        }

        return Set(SettingKey.Of(nameof(Isolation)), s => s with { Isolation = isolation });
    }

    public IServiceBuilder CredentialSpecConfig(string config)
    {
        Require.ObjectName(config, "config", nameof(config));
        return CredentialSource(nameof(CredentialSpecConfig), new CredentialSpec(config, null, null), nameof(config));
    }

    public IServiceBuilder CredentialSpecFile(string fileName)
    {
        Require.NotEmpty(fileName, "A credential spec file name", nameof(fileName));
        var segments = fileName.Split('/', '\\');
        if (fileName[0] is '/' or '\\' || (fileName.Length > 1 && fileName[1] == ':') || segments.Any(p => p == ".."))
        {
            // The Windows engine joins the name to its CredentialSpecs folder and refuses an absolute path or one outside it.
            throw Validation.Invalid.Argument($"'{fileName}' is not a file name below the engine's CredentialSpecs folder: give it relative to that folder, without '..' (the engine refuses absolute paths).", nameof(fileName));
        }

        return CredentialSource(nameof(CredentialSpecFile), new CredentialSpec(null, fileName, null), nameof(fileName));
    }

    public IServiceBuilder CredentialSpecRegistry(string valueName)
    {
        Require.NotEmpty(valueName, "A registry value name", nameof(valueName));
        if (valueName.IndexOf('\\') >= 0)
        {
            throw Validation.Invalid.Argument($"'{valueName}' is not a registry value name: the engine reads a value of its CredentialSpecs key, so give the value's name without a key path.", nameof(valueName));
        }

        return CredentialSource(nameof(CredentialSpecRegistry), new CredentialSpec(null, null, valueName), nameof(valueName));
    }

    public IServiceBuilder Stateful() => Set(SettingKey.Of(nameof(Stateful)), s => s with { Stateful = true });

    public IServiceBuilder Singleton() => Set(SettingKey.Of(nameof(Singleton)), s => s with { Singleton = true });

    public IServiceBuilder Disable() => Set(SettingKey.Of(nameof(Replicas)), s => s with { Replicas = 0, Mode = ServiceMode.Replicated });

    public IServiceBuilder RemoveEnvironment(string name) => Remove("environment", Key(name, "An environment variable name", nameof(name)), s => s with { Environment = s.Environment.Remove(name) });

    public IServiceBuilder RemoveConstraint(string constraint)
    {
        var normalized = Require.Constraint(constraint, nameof(constraint));
        return Remove("constraint", normalized, s => s with { Constraints = s.Constraints.RemoveAll(c => c == normalized) });
    }

    public IServiceBuilder RemovePort(int published)
    {
        Require.Port(published, nameof(published));
        return Remove("port", published.ToString(CultureInfo.InvariantCulture), s => s with { Ports = s.Ports.RemoveAll(p => p.Published == published) });
    }

    public IServiceBuilder RemoveVolume(string target) =>
        Remove("volume", Names.IsNamedPipe(target) ? target : Require.AbsolutePath(target, "The mount target", nameof(target)), s => s with { Volumes = s.Volumes.RemoveAll(v => v.Target == target) });

    private static string Key(string? name, string what, string parameter)
    {
        Require.NotEmpty(name, what, parameter);
        if (name!.IndexOf('=') >= 0 || name.Any(char.IsWhiteSpace))
        {
            throw Validation.Invalid.Argument($"{what} '{name}' cannot contain '=' or whitespace.", parameter);
        }

        return name;
    }

    private static ValueList<string> Arguments(string[]? arguments, string parameter, bool allowEmpty = false)
    {
        Require.NotNull(arguments, parameter);
        if (!allowEmpty && arguments!.Length == 0)
        {
            throw Validation.Invalid.Argument("At least one argument is needed.", parameter);
        }

        foreach (var argument in arguments!)
        {
            Require.NotNull(argument, parameter);
        }

        return arguments.ToValueList();
    }

    private static FileReference Reference(string name, string? target, string? uid, string? gid, string? mode) =>
        new(name, target is null ? null : Require.FileTarget(target, nameof(target)))
        {
            Uid = Require.NumericId(uid, "uid", nameof(uid)),
            Gid = Require.NumericId(gid, "gid", nameof(gid)),
            Mode = Require.FileMode(mode, nameof(mode)),
        };

    // Docker drops a name server that is not an IP address without a word, so the call refuses it.
    private static string IpAddress(string? address, string parameter)
    {
        Require.NotEmpty(address, "An IP address", parameter);
        if (!System.Net.IPAddress.TryParse(address, out var parsed) || parsed.ToString() != address && address!.IndexOf(':') < 0)
        {
            throw new ArgumentException($"'{address}' is not an IP address such as 10.0.0.2.", parameter);
        }

        return address!;
    }

    private static string Capability(string? capability, string parameter)
    {
        Require.NotEmpty(capability, "A capability", parameter);
        if (!capability!.All(c => (c >= 'A' && c <= 'Z') || c == '_'))
        {
            throw new ArgumentException($"'{capability}' is not a capability such as NET_ADMIN or ALL.", parameter);
        }

        return capability!;
    }

    private static UpdateConfigSpec Update(int? parallelism, string? delay, UpdateOrder? order, FailureAction? failureAction, string? monitor) =>
        new(
            parallelism is { } p ? Require.AtLeast(p, 0, "parallelism", nameof(parallelism)) : null,
            Require.Duration(delay, nameof(delay)),
            failureAction,
            Require.Duration(monitor, nameof(monitor)),
            null,
            order);

    private static ResourceAmounts Amounts(string? cpus, string? memory)
    {
        if (cpus is not null && !double.TryParse(cpus, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            throw Validation.Invalid.Argument($"'{cpus}' is not a CPU amount such as 0.5 or 2.", nameof(cpus));
        }

        if (memory is not null && !System.Text.RegularExpressions.Regex.IsMatch(memory, "^[0-9]+(\\.[0-9]+)?[bkmgBKMG]?[bB]?$"))
        {
            throw Validation.Invalid.Argument($"'{memory}' is not a memory amount such as 512M or 1G.", nameof(memory));
        }

        return new ResourceAmounts(cpus, memory);
    }

    // docker stack deploy refuses a credential spec with more than one source ('cannot specify both "Config" and "File"').
    private IServiceBuilder CredentialSource(string member, CredentialSpec source, string parameter)
    {
        if (Spec.CredentialSpec is { } set && CredentialCall(set) != member)
        {
            var existing = $"{CredentialCall(set)}(\"{set.Config ?? set.File ?? set.Registry}\")";
            throw Validation.Invalid.Argument($"Service '{Name}' already takes its credential spec from {existing}; Docker refuses a credential spec with two sources. Keep one.", parameter);
        }

        return Set(SettingKey.Of(member), s => s with { CredentialSpec = source });
    }

    private static string CredentialCall(CredentialSpec spec) =>
        spec.Config is not null ? nameof(CredentialSpecConfig) : spec.File is not null ? nameof(CredentialSpecFile) : nameof(CredentialSpecRegistry);

    private IServiceBuilder Mount(MountSpec mount, string targetParameter)
    {
        var target = Require.AbsolutePath(mount.Target, "The mount target", targetParameter);
        return Set(ServiceSettings.Volume(target), s => s with { Volumes = s.Volumes.Upsert(v => v.Target == target, mount) });
    }

    private IServiceBuilder Remove(string key, string item, Func<ServiceSpec, ServiceSpec> dropFromThisScope)
    {
        var removal = new RemovalRequest(key, item);
        return Set(ServiceSettings.Removal(removal), s =>
        {
            var dropped = dropFromThisScope(s);
            return _scope.Scope.Length == 0 || dropped.Removals.Contains(removal) ? dropped : dropped with { Removals = dropped.Removals.Add(removal) };
        });
    }

    private IServiceBuilder Set(SettingKey key, Func<ServiceSpec, ServiceSpec> change)
    {
        var before = Spec;
        Spec = change(Spec);
        _scope.Record("service", Name, key.ToString(), !Spec.Equals(before));
        return this;
    }
}
