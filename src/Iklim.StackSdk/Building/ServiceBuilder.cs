using System;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Model;
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

    public IServiceBuilder Image(string image) => Set("Image", s => s with { Image = Require.Image(image, nameof(image)) });

    public IServiceBuilder Hostname(string hostname) => Set("Hostname", s => s with { Hostname = Require.NotEmpty(hostname, "A hostname", nameof(hostname)) });

    public IServiceBuilder Command(params string[] arguments) => Set("Command", s => s with { Command = Arguments(arguments, nameof(arguments)) });

    public IServiceBuilder Entrypoint(params string[] arguments) => Set("Entrypoint", s => s with { Entrypoint = Arguments(arguments, nameof(arguments)) });

    public IServiceBuilder User(string user) => Set("User", s => s with { User = Require.NotEmpty(user, "A user", nameof(user)) });

    public IServiceBuilder WorkingDir(string path) => Set("WorkingDir", s => s with { WorkingDir = Require.AbsolutePath(path, "The working directory", nameof(path)) });

    public IServiceBuilder StopGracePeriod(string duration) => Set("StopGracePeriod", s => s with { StopGracePeriod = Require.Duration(Require.NotEmpty(duration, "A duration", nameof(duration)), nameof(duration)) });

    public IServiceBuilder Environment(string name, string value)
    {
        Key(name, "An environment variable name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set("Environment:" + name, s => s with { Environment = s.Environment.Set(name, value) });
    }

    public IServiceBuilder Label(string name, string value)
    {
        Key(name, "A label name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set("Label:" + name, s => s with { Labels = s.Labels.Set(name, value) });
    }

    public IServiceBuilder ServiceLabel(string name, string value)
    {
        Key(name, "A label name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set("ServiceLabel:" + name, s => s with { DeployLabels = s.DeployLabels.Set(name, value) });
    }

    public IServiceBuilder Network(string name, params string[] aliases)
    {
        Require.ObjectName(name, "network", nameof(name));
        var list = Arguments(aliases ?? Array.Empty<string>(), nameof(aliases), allowEmpty: true);
        return Set("Network:" + name, s => s with { Networks = s.Networks.Upsert(n => n.Name == name, new ServiceNetwork(name, list)) });
    }

    public IServiceBuilder Port(int published, int target, PortProtocol protocol = PortProtocol.Tcp, PortMode mode = PortMode.Ingress)
    {
        Require.Port(published, nameof(published));
        Require.Port(target, nameof(target));
        var port = new PortSpec(target, published, protocol, mode);
        return Set("Port:" + published.ToString(CultureInfo.InvariantCulture), s => s with { Ports = s.Ports.Upsert(p => p.Published == published && p.Protocol == protocol, port) });
    }

    public IServiceBuilder Volume(string source, string target, bool readOnly = false)
    {
        Require.NotEmpty(source, "A volume source", nameof(source));
        if (!Names.HasInterpolation(source) && !Names.IsObjectName(source))
        {
            throw Validation.Invalid.Argument($"'{source}' is not a volume name; use Bind(...) for host paths.", nameof(source));
        }

        return Mount(source, target, readOnly, nameof(target));
    }

    public IServiceBuilder Bind(string hostPath, string target, bool readOnly = false) =>
        Mount(Require.HostPath(hostPath, "The host path", nameof(hostPath)), target, readOnly, nameof(target));

    public IServiceBuilder Secret(string name, string? target = null) =>
        Set("Secret:" + Require.ObjectName(name, "secret", nameof(name)), s => s with { Secrets = s.Secrets.Upsert(r => r.Source == name, new FileReference(name, Target(target))) });

    public IServiceBuilder Config(string name, string? target = null) =>
        Set("Config:" + Require.ObjectName(name, "config", nameof(name)), s => s with { Configs = s.Configs.Upsert(r => r.Source == name, new FileReference(name, Target(target))) });

    public IServiceBuilder Healthcheck(string[] test, string? interval = null, string? timeout = null, int? retries = null, string? startPeriod = null)
    {
        var spec = new HealthcheckSpec(
            Arguments(test, nameof(test)),
            Require.Duration(interval, nameof(interval)),
            Require.Duration(timeout, nameof(timeout)),
            retries is { } r ? Require.AtLeast(r, 0, "Retries", nameof(retries)) : null,
            Require.Duration(startPeriod, nameof(startPeriod)));
        return Set("Healthcheck", s => s with { Healthcheck = spec });
    }

    public IServiceBuilder Logging(string driver)
    {
        Require.NotEmpty(driver, "A logging driver", nameof(driver));
        return Set("Logging", s => s with { Logging = new LoggingSpec(driver, s.Logging?.Options ?? ValueMap.Empty) });
    }

    public IServiceBuilder LoggingOption(string name, string value)
    {
        Key(name, "A logging option name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set("LoggingOption:" + name, s => s with { Logging = new LoggingSpec(s.Logging?.Driver, (s.Logging?.Options ?? ValueMap.Empty).Set(name, value)) });
    }

    public IServiceBuilder Replicas(int replicas) =>
        Set("Replicas", s => s with { Replicas = Require.AtLeast(replicas, 0, "Replicas", nameof(replicas)), Mode = ServiceMode.Replicated });

    public IServiceBuilder Global() => Set("Global", s => s with { Mode = ServiceMode.Global, Replicas = null });

    public IServiceBuilder EndpointMode(EndpointMode mode) => Set("EndpointMode", s => s with { EndpointMode = mode });

    public IServiceBuilder Constraint(string constraint)
    {
        var normalized = Require.Constraint(constraint, nameof(constraint));
        return Set("Constraint:" + normalized, s => s.Constraints.Contains(normalized) ? s : s with { Constraints = s.Constraints.Add(normalized) });
    }

    public IServiceBuilder PinToNode(string hostname)
    {
        Require.NotEmpty(hostname, "A node hostname", nameof(hostname));
        var constraint = "node.hostname == " + hostname;
        if (!Names.IsConstraint(constraint))
        {
            throw Validation.Invalid.Argument($"'{hostname}' is not a node hostname.", nameof(hostname));
        }

        return Set("Constraint:" + constraint, s => s.Constraints.Contains(constraint) ? s : s with { Constraints = s.Constraints.Add(constraint) });
    }

    public IServiceBuilder Spread(string descriptor)
    {
        Require.NotEmpty(descriptor, "A spread descriptor", nameof(descriptor));
        if (!descriptor.StartsWith("node.", StringComparison.Ordinal) && !descriptor.StartsWith("engine.labels.", StringComparison.Ordinal))
        {
            throw Validation.Invalid.Argument($"'{descriptor}' is not a spread descriptor: use node.hostname, node.labels.<name> or engine.labels.<name>.", nameof(descriptor));
        }

        return Set("Spread:" + descriptor, s => s.Spread.Contains(descriptor) ? s : s with { Spread = s.Spread.Add(descriptor) });
    }

    public IServiceBuilder MaxReplicasPerNode(int max) => Set("MaxReplicasPerNode", s => s with { MaxReplicasPerNode = Require.AtLeast(max, 1, "max_replicas_per_node", nameof(max)) });

    public IServiceBuilder RestartPolicy(RestartCondition condition, string? delay = null, int? maxAttempts = null, string? window = null)
    {
        var spec = new RestartPolicySpec(
            condition,
            Require.Duration(delay, nameof(delay)),
            maxAttempts is { } m ? Require.AtLeast(m, 0, "max_attempts", nameof(maxAttempts)) : null,
            Require.Duration(window, nameof(window)));
        return Set("RestartPolicy", s => s with { RestartPolicy = spec });
    }

    public IServiceBuilder UpdateConfig(int? parallelism = null, string? delay = null, UpdateOrder? order = null, FailureAction? failureAction = null, string? monitor = null) =>
        Set("UpdateConfig", s => s with { UpdateConfig = Update(parallelism, delay, order, failureAction, monitor) });

    public IServiceBuilder RollbackConfig(int? parallelism = null, string? delay = null, UpdateOrder? order = null, FailureAction? failureAction = null, string? monitor = null) =>
        Set("RollbackConfig", s => s with { RollbackConfig = Update(parallelism, delay, order, failureAction, monitor) });

    public IServiceBuilder Limits(string? cpus = null, string? memory = null)
    {
        var amounts = Amounts(cpus, memory);
        return Set("Limits", s => s with { Resources = new ResourcesSpec(amounts, s.Resources?.Reservations) });
    }

    public IServiceBuilder Reservations(string? cpus = null, string? memory = null)
    {
        var amounts = Amounts(cpus, memory);
        return Set("Reservations", s => s with { Resources = new ResourcesSpec(s.Resources?.Limits, amounts) });
    }

    public IServiceBuilder Stateful() => Set("Stateful", s => s with { Stateful = true });

    public IServiceBuilder Singleton() => Set("Singleton", s => s with { Singleton = true });

    public IServiceBuilder Disable() => Set("Replicas", s => s with { Replicas = 0, Mode = ServiceMode.Replicated });

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
        Remove("volume", Require.AbsolutePath(target, "The mount target", nameof(target)), s => s with { Volumes = s.Volumes.RemoveAll(v => v.Target == target) });

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

    private static string? Target(string? target) => target is null ? null : Require.AbsolutePath(target, "The mount target", nameof(target));

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

    private IServiceBuilder Mount(string source, string target, bool readOnly, string targetParameter)
    {
        Require.AbsolutePath(target, "The mount target", targetParameter);
        return Set("Volume:" + target, s => s with { Volumes = s.Volumes.Upsert(v => v.Target == target, new MountSpec(source, target, readOnly)) });
    }

    private IServiceBuilder Remove(string key, string item, Func<ServiceSpec, ServiceSpec> dropFromThisScope)
    {
        var removal = new RemovalRequest(key, item);
        return Set("Remove:" + key + ":" + item, s =>
        {
            var dropped = dropFromThisScope(s);
            return _scope.Scope.Length == 0 || dropped.Removals.Contains(removal) ? dropped : dropped with { Removals = dropped.Removals.Add(removal) };
        });
    }

    private IServiceBuilder Set(string key, Func<ServiceSpec, ServiceSpec> change)
    {
        var before = Spec;
        Spec = change(Spec);
        _scope.Record("service", Name, key, !Spec.Equals(before));
        return this;
    }
}
