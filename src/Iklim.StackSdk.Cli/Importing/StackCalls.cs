using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

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
    /// <summary>
    /// The chains of <paramref name="scope"/>: resources first, then services, as a person writes a stack. For an
    /// overlay, <paramref name="baseScope"/> is the base it is merged over.
    /// </summary>
    public static IReadOnlyList<DslChain> Of(StackScope scope, Func<string, Exception> inexpressible, StackScope? baseScope = null)
    {
        var chains = new List<DslChain>();
        chains.AddRange(scope.Networks.Select(n => new DslChain("Network", n.Name, Network(n), "networks." + n.Name)));
        chains.AddRange(scope.Volumes.Select(v => new DslChain("Volume", v.Name, Volume(v), "volumes." + v.Name)));
        chains.AddRange(scope.Secrets.Select(s => new DslChain("Secret", s.Name, FileResource(s, "secrets." + s.Name), "secrets." + s.Name)));
        chains.AddRange(scope.Configs.Select(c => new DslChain("Config", c.Name, FileResource(c, "configs." + c.Name), "configs." + c.Name)));
        chains.AddRange(scope.Services.Select(s => new DslChain("Service", s.Name, Service(s, "services." + s.Name, inexpressible, baseScope?.Service(s.Name)), "services." + s.Name)));
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

        if (r.Driver is { } driver)
        {
            calls.Add(Call("Driver", path + ".driver", Arg(driver)));
        }

        calls.AddRange(r.DriverOptions.Select(o => Call("DriverOption", path + ".driver_opts." + o.Key, Arg(o.Key), Arg(o.Value))));
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

    private static IReadOnlyList<DslCall> Service(ServiceSpec s, string path, Func<string, Exception> inexpressible, ServiceSpec? inBase)
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

        foreach (var file in s.EnvFiles)
        {
            Add("EnvFile", "env_file", Arg(file));
        }

        foreach (var network in s.Networks)
        {
            Add("Network", "networks." + network.Name, network.Aliases.IsEmpty
                ? new[] { Arg(network.Name) }
                : new[] { Arg(network.Name), Named("aliases", network.Aliases.ToArray()) });
            foreach (var option in network.DriverOptions)
            {
                Add("NetworkDriverOption", "networks." + network.Name + ".driver_opts." + option.Key, Arg(network.Name), Arg(option.Key), Arg(option.Value));
            }
        }

        Ports(s.Ports, Add);

        foreach (var mount in s.Volumes)
        {
            if (mount.Type == MountType.Tmpfs)
            {
                var tmpfs = new List<DslArgument> { Arg(mount.Target) };
                if (mount.TmpfsSize is { } size)
                {
                    tmpfs.Add(Named("size", size));
                }

                if (mount.ReadOnly)
                {
                    tmpfs.Add(Named("readOnly", true));
                }

                Add("Tmpfs", "volumes", tmpfs.ToArray());
                continue;
            }

            if (mount.Type == MountType.Cluster)
            {
                var group = mount.Source.StartsWith(ComposeWords.ClusterVolumeGroupPrefix, StringComparison.Ordinal);
                var cluster = new List<DslArgument> { Arg(group ? mount.Source.Substring(ComposeWords.ClusterVolumeGroupPrefix.Length) : mount.Source), Arg(mount.Target) };
                if (mount.ReadOnly)
                {
                    cluster.Add(Named("readOnly", true));
                }

                Add(group ? "ClusterVolumeGroup" : "ClusterVolume", "volumes", cluster.ToArray());
                continue;
            }

            if (mount.Type == MountType.Npipe)
            {
                Add("NamedPipe", "volumes", Arg(mount.Source), Arg(mount.Target));
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
            if (health.Disabled is true)
            {
                Add("DisableHealthcheck", "healthcheck.disable");
            }
            else if (!health.Test.IsEmpty || health.Interval is not null || health.Timeout is not null || health.Retries is not null || health.StartPeriod is not null)
            {
                var arguments = new List<DslArgument> { Arg(health.Test.ToArray()) };
                Optional(arguments, "interval", health.Interval);
                Optional(arguments, "timeout", health.Timeout);
                Optional(arguments, "retries", health.Retries);
                Optional(arguments, "startPeriod", health.StartPeriod);
                Add("Healthcheck", "healthcheck", arguments.ToArray());
            }

            if (health.StartInterval is { } startInterval)
            {
                Add("HealthcheckStartInterval", "healthcheck.start_interval", Arg(startInterval));
            }
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

        foreach (var capability in s.CapAdd)
        {
            Add("CapAdd", "cap_add", Arg(capability));
        }

        foreach (var capability in s.CapDrop)
        {
            Add("CapDrop", "cap_drop", Arg(capability));
        }

        Deploy(s, path, inexpressible, inBase, Add);
        foreach (var (host, index) in s.ExtraHosts.Select((h, i) => (h, i)))
        {
            // Read as host:address; the address may hold colons (IPv6).
            var colon = host.IndexOf(':');
            Add("ExtraHost", "extra_hosts[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", Arg(host.Substring(0, colon)), Arg(host.Substring(colon + 1)));
        }

        foreach (var server in s.Dns)
        {
            Add("Dns", "dns", Arg(server));
        }

        foreach (var domain in s.DnsSearch)
        {
            Add("DnsSearch", "dns_search", Arg(domain));
        }

        Flag(s.Init, "Init", "init", Add);
        Flag(s.ReadOnly, "ReadOnly", "read_only", Add);
        Flag(s.StdinOpen, "StdinOpen", "stdin_open", Add);
        if (s.StopGracePeriod is { } grace)
        {
            Add("StopGracePeriod", "stop_grace_period", Arg(grace));
        }

        if (s.StopSignal is { } signal)
        {
            Add("StopSignal", "stop_signal", Arg(signal));
        }

        if (s.Isolation is { } isolation)
        {
            Add("Isolation", "isolation", Arg(isolation));
        }

        if (s.CredentialSpec is { } credential)
        {
            if (credential.Config is { } config)
            {
                Add("CredentialSpecConfig", "credential_spec.config", Arg(config));
            }
            else if (credential.File is { } file)
            {
                Add("CredentialSpecFile", "credential_spec.file", Arg(file));
            }
            else if (credential.Registry is { } registry)
            {
                Add("CredentialSpecRegistry", "credential_spec.registry", Arg(registry));
            }
        }

        foreach (var sysctl in s.Sysctls)
        {
            Add("Sysctl", "sysctls." + sysctl.Key, Arg(sysctl.Key), Arg(sysctl.Value));
        }

        Flag(s.Tty, "Tty", "tty", Add);
        foreach (var ulimit in s.Ulimits)
        {
            Add("Ulimit", "ulimits." + ulimit.Name, ulimit.Soft == ulimit.Hard
                ? new[] { Arg(ulimit.Name), Arg(ulimit.Soft) }
                : new[] { Arg(ulimit.Name), Arg(ulimit.Soft), Named("hard", ulimit.Hard) });
        }

        return calls;
    }

    private static void Flag(bool? value, string method, string key, Action<string, string, DslArgument[]> add)
    {
        if (value is true)
        {
            add(method, key, Array.Empty<DslArgument>());
        }
    }

    // Docker expands a range to one entry per port; a run of entries that step together is written back as one PortRange.
    private static void Ports(ValueList<PortSpec> ports, Action<string, string, DslArgument[]> add)
    {
        for (var index = 0; index < ports.Count;)
        {
            var port = ports[index];
            var key = "ports[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            var count = 1;
            while (port.Published is { } first && index + count < ports.Count
                && ports[index + count] is { Published: { } next } following
                && next == first + count && following.Target == port.Target + count && following.Protocol == port.Protocol && following.Mode == port.Mode)
            {
                count++;
            }

            var arguments = new List<DslArgument>();
            if (port.Published is { } published)
            {
                arguments.Add(Arg(published));
            }

            arguments.Add(Arg(port.Target));
            if (count > 1)
            {
                arguments.Add(Arg(count));
            }

            if (port.Protocol != PortProtocol.Tcp)
            {
                arguments.Add(Named("protocol", port.Protocol));
            }

            if (port.Mode != PortMode.Ingress)
            {
                arguments.Add(Named("mode", port.Mode));
            }

            add(port.Published is null ? "TargetPort" : count > 1 ? "PortRange" : "Port", key, arguments.ToArray());
            index += count;
        }
    }

    private static void Deploy(ServiceSpec s, string path, Func<string, Exception> inexpressible, ServiceSpec? inBase, Action<string, string, DslArgument[]> add)
    {
        if (s.Mode is ServiceMode.Global or ServiceMode.GlobalJob)
        {
            if (s.Replicas is not null)
            {
                throw inexpressible($"{path}.deploy.replicas: a global service has no replica count (Docker rejects replicas with mode: {(s.Mode == ServiceMode.Global ? "global" : "global-job")}).");
            }

            add(s.Mode == ServiceMode.Global ? "Global" : "GlobalJob", "deploy.mode", Array.Empty<DslArgument>());
        }

        // An overlay's replicas over a base's replicated job keep the job: Replicas(...) would make it a replicated service.
        if (s.Mode == ServiceMode.ReplicatedJob || (s.Mode is null && s.Replicas is not null && inBase?.Mode == ServiceMode.ReplicatedJob))
        {
            // Without replicas an overlay keeps the base's, and a base runs one completion (measured), ReplicatedJob()'s default.
            add("ReplicatedJob", "deploy.mode", (s.Replicas ?? inBase?.Replicas) is { } completions ? new[] { Arg(completions) } : Array.Empty<DslArgument>());
        }
        else if (s.Replicas is { } replicas)
        {
            add("Replicas", "deploy.replicas", new[] { Arg(replicas) });
        }
        else if (s.Mode == ServiceMode.Replicated && inBase is { Mode: not (null or ServiceMode.Replicated) })
        {
            // An overlay switching back to replicated keeps the base's replicas; Replicas(...) is the DSL's way to say replicated.
            add("Replicas", "deploy.mode", new[] { Arg(inBase.Replicas ?? throw inexpressible($"{path}.deploy.mode: mode: replicated over a base without replicas: the DSL says replicated with Replicas(n); add replicas here.")) });
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
            if (resources.Limits?.Pids is { } pids)
            {
                add("PidsLimit", "deploy.resources.limits.pids", new[] { Arg(pids) });
            }

            Amounts(add, "Reservations", "deploy.resources.reservations", resources.Reservations);
            foreach (var (resource, index) in (resources.Reservations?.GenericResources ?? ValueList<GenericResourceSpec>.Empty).Select((r, i) => (r, i)))
            {
                add("GenericResource", "deploy.resources.reservations.generic_resources[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].discrete_resource_spec", new[] { Arg(resource.Kind), Arg(resource.Value) });
            }
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

        // The ratio's own call makes the block when it is the only setting.
        if (arguments.Count > 0 || update.MaxFailureRatio is null)
        {
            add(method, key, arguments.ToArray());
        }

        if (update.MaxFailureRatio is { } ratio)
        {
            add(method == "UpdateConfig" ? "UpdateFailureRatio" : "RollbackFailureRatio", key + ".max_failure_ratio", new[] { Arg(double.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)) });
        }
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
