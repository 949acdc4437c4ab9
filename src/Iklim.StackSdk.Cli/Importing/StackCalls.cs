using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Cli.Importing;

/// <summary>One argument of a DSL call: positional when <see cref="Name"/> is null. A value is a string, an int, a bool, an enum or a string[].</summary>
internal sealed record DslArgument(string? Name, object Value)
{
    /// <summary>A string[] given to a <c>params</c> parameter, written as separate arguments.</summary>
    public bool Expand { get; init; }
}

/// <summary>One chained DSL call (<c>.Image("redis:7.2")</c>) and the compose key path it came from.</summary>
internal sealed record DslCall(string Method, IReadOnlyList<DslArgument> Arguments, string Path);

/// <summary>
/// One statement: <c>scope.Entry(name)</c> followed by its chained calls, e.g. <c>stack.Service("redis").Image(...)</c>.
/// The same chains are run against the SDK's builders (to validate and build the model) and written as C#.
/// </summary>
internal sealed record DslChain(string Entry, string Name, IReadOnlyList<DslCall> Calls, string Path);

/// <summary>
/// The DSL calls that declare a <see cref="StackScope"/> as read from a compose file: one call per key, in the order
/// the emitter writes keys. Where a value has no DSL call, the importer has already refused the file.
/// </summary>
internal static class StackCalls
{
    /// <summary>The chains of <paramref name="scope"/>: resources first, then services, as a person writes a stack.</summary>
    public static IReadOnlyList<DslChain> Of(StackScope scope, Func<string, Exception> inexpressible)
    {
        var chains = new List<DslChain>();
        chains.AddRange(scope.Networks.Select(n => new DslChain("Network", n.Name, Network(n), "networks." + n.Name)));
        chains.AddRange(scope.Volumes.Select(v => new DslChain("Volume", v.Name, Volume(v), "volumes." + v.Name)));
        chains.AddRange(scope.Secrets.Select(s => new DslChain("Secret", s.Name, FileResource(s, "secrets." + s.Name), "secrets." + s.Name)));
        chains.AddRange(scope.Configs.Select(c => new DslChain("Config", c.Name, FileResource(c, "configs." + c.Name), "configs." + c.Name)));
        chains.AddRange(scope.Services.Select(s => new DslChain("Service", s.Name, Service(s, "services." + s.Name, inexpressible), "services." + s.Name)));
        return chains;
    }

    private static DslCall Call(string method, string path, params DslArgument[] arguments) => new(method, arguments, path);

    private static DslArgument Arg(object value) => new(null, value);

    private static DslArgument Named(string name, object value) => new(name, value);

    private static IReadOnlyList<DslCall> Network(NetworkSpec n)
    {
        var path = "networks." + n.Name;
        var calls = new List<DslCall>();
        if (n.External)
        {
            calls.Add(Call("External", path + ".external"));
        }

        if (n.ExternalName is { } name)
        {
            calls.Add(Call("Named", path + ".name", Arg(name)));
        }

        if (n.Driver is { } driver)
        {
            calls.Add(Call("Driver", path + ".driver", Arg(driver)));
        }

        if (n.Attachable)
        {
            calls.Add(Call("Attachable", path + ".attachable"));
        }

        calls.AddRange(n.DriverOptions.Select(o => Call("DriverOption", path + ".driver_opts." + o.Key, Arg(o.Key), Arg(o.Value))));
        if (n.Internal)
        {
            calls.Add(Call("Internal", path + ".internal"));
        }

        if (n.IpamDriver is { } ipamDriver)
        {
            calls.Add(Call("IpamDriver", path + ".ipam.driver", Arg(ipamDriver)));
        }

        calls.AddRange(n.Subnets.Select((subnet, i) => Call("Subnet", path + ".ipam.config[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", Arg(subnet))));
        calls.AddRange(Labels(n.Labels, path));
        return calls;
    }

    private static IReadOnlyList<DslCall> Volume(VolumeSpec v)
    {
        var path = "volumes." + v.Name;
        var calls = new List<DslCall>();
        if (v.External)
        {
            calls.Add(Call("External", path + ".external"));
        }

        if (v.ExternalName is { } name)
        {
            calls.Add(Call("Named", path + ".name", Arg(name)));
        }

        if (v.Driver is { } driver)
        {
            calls.Add(Call("Driver", path + ".driver", Arg(driver)));
        }

        calls.AddRange(v.DriverOptions.Select(o => Call("DriverOption", path + ".driver_opts." + o.Key, Arg(o.Key), Arg(o.Value))));
        calls.AddRange(Labels(v.Labels, path));
        return calls;
    }

    private static IReadOnlyList<DslCall> FileResource(FileResourceSpec r, string path)
    {
        var calls = new List<DslCall>();
        if (r.External)
        {
            calls.Add(Call("External", path + ".external"));
        }

        if (r.ExternalName is { } name)
        {
            calls.Add(Call("Named", path + ".name", Arg(name)));
        }

        if (r.File is { } file)
        {
            calls.Add(Call("File", path + ".file", Arg(file)));
        }

        if (r.TemplateDriver is { } templateDriver)
        {
            calls.Add(Call("TemplateDriver", path + ".template_driver", Arg(templateDriver)));
        }

        calls.AddRange(Labels(r.Labels, path));
        return calls;
    }

    private static IEnumerable<DslCall> Labels(ValueMap labels, string path) =>
        labels.Select(l => Call("Label", path + ".labels." + l.Key, Arg(l.Key), Arg(l.Value)));

    private static DslArgument[] Reference(FileReference reference)
    {
        var arguments = new List<DslArgument> { Arg(reference.Source) };
        if (reference.Target is { } target)
        {
            arguments.Add(Arg(target));
        }

        if (reference.Uid is { } uid)
        {
            arguments.Add(Named("uid", uid));
        }

        if (reference.Gid is { } gid)
        {
            arguments.Add(Named("gid", gid));
        }

        if (reference.Mode is { } mode)
        {
            // The DSL takes the mode in octal, as chmod does.
            arguments.Add(Named("mode", "0" + Convert.ToString(mode, 8)));
        }

        return arguments.ToArray();
    }

    private static IReadOnlyList<DslCall> Service(ServiceSpec s, string path, Func<string, Exception> inexpressible)
    {
        var calls = new List<DslCall>();
        void Add(string method, string key, params DslArgument[] arguments) => calls.Add(Call(method, path + "." + key, arguments));

        if (s.Image is { } image)
        {
            Add("Image", "image", Arg(image));
        }

        if (s.Hostname is { } hostname)
        {
            Add("Hostname", "hostname", Arg(hostname));
        }

        if (s.Command is { } command)
        {
            Add("Command", "command", Arg(command.ToArray()) with { Expand = true });
        }

        if (s.Entrypoint is { } entrypoint)
        {
            Add("Entrypoint", "entrypoint", Arg(entrypoint.ToArray()) with { Expand = true });
        }

        if (s.User is { } user)
        {
            Add("User", "user", Arg(user));
        }

        if (s.WorkingDir is { } workingDir)
        {
            Add("WorkingDir", "working_dir", Arg(workingDir));
        }

        foreach (var variable in s.Environment)
        {
            Add("Environment", "environment." + variable.Key, Arg(variable.Key), Arg(variable.Value));
        }

        foreach (var network in s.Networks)
        {
            Add("Network", "networks." + network.Name, network.Aliases.IsEmpty
                ? new[] { Arg(network.Name) }
                : new[] { Arg(network.Name), Named("aliases", network.Aliases.ToArray()) });
        }

        foreach (var (port, index) in s.Ports.Select((p, i) => (p, i)))
        {
            var key = "ports[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            if (port.Published is not { } published)
            {
                throw inexpressible($"{path}.{key}: a port published on a random port (no published) has no DSL call yet.");
            }

            var arguments = new List<DslArgument> { Arg(published), Arg(port.Target) };
            if (port.Protocol != PortProtocol.Tcp)
            {
                arguments.Add(Named("protocol", port.Protocol));
            }

            if (port.Mode != PortMode.Ingress)
            {
                arguments.Add(Named("mode", port.Mode));
            }

            Add("Port", key, arguments.ToArray());
        }

        foreach (var mount in s.Volumes)
        {
            if (mount.Type == MountType.Tmpfs)
            {
                Add("Tmpfs", "volumes", mount.TmpfsSize is { } size ? new[] { Arg(mount.Target), Named("size", size) } : new[] { Arg(mount.Target) });
                continue;
            }

            // A host path starts with '/'; anything else is a named volume or a ${VAR:-volume} that Docker resolves.
            var arguments = new List<DslArgument> { Arg(mount.Source), Arg(mount.Target) };
            if (mount.ReadOnly)
            {
                arguments.Add(Named("readOnly", true));
            }

            if (mount.NoCopy)
            {
                arguments.Add(Named("noCopy", true));
            }

            if (mount.Propagation is { } propagation)
            {
                arguments.Add(Named("propagation", propagation));
            }

            var bind = mount.Type == MountType.Bind || (mount.Type is null && mount.Source.StartsWith("/", StringComparison.Ordinal));
            Add(bind ? "Bind" : "Volume", "volumes", arguments.ToArray());
        }

        foreach (var secret in s.Secrets)
        {
            Add("Secret", "secrets", Reference(secret));
        }

        foreach (var config in s.Configs)
        {
            Add("Config", "configs", Reference(config));
        }

        if (s.Healthcheck is { } health)
        {
            var arguments = new List<DslArgument> { Arg(health.Test.ToArray()) };
            Optional(arguments, "interval", health.Interval);
            Optional(arguments, "timeout", health.Timeout);
            Optional(arguments, "retries", health.Retries);
            Optional(arguments, "startPeriod", health.StartPeriod);
            Add("Healthcheck", "healthcheck", arguments.ToArray());
        }

        if (s.Logging is { } logging)
        {
            if (logging.Driver is { } driver)
            {
                Add("Logging", "logging.driver", Arg(driver));
            }

            foreach (var option in logging.Options)
            {
                Add("LoggingOption", "logging.options." + option.Key, Arg(option.Key), Arg(option.Value));
            }
        }

        foreach (var label in s.Labels)
        {
            Add("Label", "labels." + label.Key, Arg(label.Key), Arg(label.Value));
        }

        Deploy(s, path, inexpressible, Add);
        if (s.StopGracePeriod is { } grace)
        {
            Add("StopGracePeriod", "stop_grace_period", Arg(grace));
        }

        return calls;
    }

    private static void Deploy(ServiceSpec s, string path, Func<string, Exception> inexpressible, Action<string, string, DslArgument[]> add)
    {
        if (s.Mode == ServiceMode.Global)
        {
            if (s.Replicas is not null)
            {
                throw inexpressible($"{path}.deploy.replicas: a global service has no replica count (Docker rejects replicas with mode: global).");
            }

            add("Global", "deploy.mode", Array.Empty<DslArgument>());
        }

        if (s.Replicas is { } replicas)
        {
            add("Replicas", "deploy.replicas", new[] { Arg(replicas) });
        }

        if (s.EndpointMode is { } endpoint)
        {
            add("EndpointMode", "deploy.endpoint_mode", new[] { Arg(endpoint) });
        }

        foreach (var label in s.DeployLabels)
        {
            add("ServiceLabel", "deploy.labels." + label.Key, new[] { Arg(label.Key), Arg(label.Value) });
        }

        foreach (var constraint in s.Constraints)
        {
            add("Constraint", "deploy.placement.constraints", new[] { Arg(constraint) });
        }

        foreach (var spread in s.Spread)
        {
            add("Spread", "deploy.placement.preferences", new[] { Arg(spread) });
        }

        if (s.MaxReplicasPerNode is { } max)
        {
            add("MaxReplicasPerNode", "deploy.placement.max_replicas_per_node", new[] { Arg(max) });
        }

        if (s.RestartPolicy is { } restart)
        {
            if (restart.Condition is not { } condition)
            {
                throw inexpressible($"{path}.deploy.restart_policy: the DSL needs a condition (none, on-failure or any) in a restart policy.");
            }

            var arguments = new List<DslArgument> { Arg(condition) };
            Optional(arguments, "delay", restart.Delay);
            Optional(arguments, "maxAttempts", restart.MaxAttempts);
            Optional(arguments, "window", restart.Window);
            add("RestartPolicy", "deploy.restart_policy", arguments.ToArray());
        }

        Update(add, "UpdateConfig", "deploy.update_config", s.UpdateConfig);
        Update(add, "RollbackConfig", "deploy.rollback_config", s.RollbackConfig);
        if (s.Resources is { } resources)
        {
            Amounts(add, "Limits", "deploy.resources.limits", resources.Limits);
            Amounts(add, "Reservations", "deploy.resources.reservations", resources.Reservations);
        }
    }

    private static void Update(Action<string, string, DslArgument[]> add, string method, string key, UpdateConfigSpec? update)
    {
        if (update is null)
        {
            return;
        }

        var arguments = new List<DslArgument>();
        Optional(arguments, "parallelism", update.Parallelism);
        Optional(arguments, "delay", update.Delay);
        Optional(arguments, "order", update.Order);
        Optional(arguments, "failureAction", update.FailureAction);
        Optional(arguments, "monitor", update.Monitor);
        add(method, key, arguments.ToArray());
    }

    private static void Amounts(Action<string, string, DslArgument[]> add, string method, string key, ResourceAmounts? amounts)
    {
        if (amounts is null || (amounts.Cpus is null && amounts.Memory is null))
        {
            return;
        }

        var arguments = new List<DslArgument>();
        Optional(arguments, "cpus", amounts.Cpus);
        Optional(arguments, "memory", amounts.Memory);
        add(method, key, arguments.ToArray());
    }

    private static void Optional(List<DslArgument> arguments, string name, object? value)
    {
        if (value is not null)
        {
            arguments.Add(Named(name, value));
        }
    }
}
