using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Emitting;

/// <summary>
/// Writes a <see cref="StackScope"/> as a compose file for <c>docker stack deploy</c>: the base, an overlay,
/// or a profile's effective stack. Keys come in one fixed order and no <c>version</c> is written, so every
/// file means compose 3.13 and Docker accepts any two of them together. Policy metadata and the node
/// inventory are never written.
/// </summary>
public static class ComposeFileEmitter
{
    /// <summary>The compose text of <paramref name="scope"/>, after the given comment lines, for the default deploy folder.</summary>
    public static string Emit(StackScope scope, params string[] headerComments) =>
        Emit(scope, new HostPaths(HostPaths.DefaultProjectFromDeploy), headerComments);

    /// <summary>The compose text of <paramref name="scope"/>, its relative host paths re-based by <paramref name="paths"/>.</summary>
    internal static string Emit(StackScope scope, HostPaths paths, params string[] headerComments)
    {
        var yaml = YamlWriter.ForCompose(headerComments).BeginMapping();
        if (!scope.Services.IsEmpty)
        {
            yaml.Key("services").BeginMapping();
            foreach (var service in scope.Services)
            {
                yaml.Key(service.Name);
                WriteService(yaml, service, paths);
            }

            yaml.EndMapping();
        }

        Section(yaml, "networks", scope.Networks, n => n.Name, WriteNetwork);
        Section(yaml, "volumes", scope.Volumes, v => v.Name, WriteVolume);
        Section(yaml, "secrets", scope.Secrets, s => s.Name, (w, r) => WriteFileResource(w, r, paths));
        Section(yaml, "configs", scope.Configs, c => c.Name, (w, r) => WriteFileResource(w, r, paths));
        if (scope.Services.IsEmpty && scope.Networks.IsEmpty && scope.Volumes.IsEmpty && scope.Secrets.IsEmpty && scope.Configs.IsEmpty)
        {
            // Docker needs a mapping; an overlay that changes nothing still says so explicitly.
            yaml.Key("services").BeginEmptyFlowMapping();
        }

        return yaml.EndMapping().Finish();
    }

    private static void Section<T>(YamlWriter yaml, string key, ValueList<T> items, System.Func<T, string> name, System.Action<YamlWriter, T> write)
    {
        if (items.IsEmpty)
        {
            return;
        }

        yaml.Key(key).BeginMapping();
        foreach (var item in items)
        {
            yaml.Key(name(item));
            write(yaml, item);
        }

        yaml.EndMapping();
    }

    // Keys follow the order dclint's service-keys-order rule expects, then the keys it does not know.
    private static void WriteService(YamlWriter yaml, ServiceSpec s, HostPaths paths)
    {
        yaml.BeginMapping();
        Scalar(yaml, "image", s.Image);
        if (!s.Volumes.IsEmpty)
        {
            // Short syntax, because a source like ${DATA_DIR:-data} is a volume or a bind only once Docker resolves it.
            yaml.Key("volumes").Strings(s.Volumes.Select(v => paths.MountSource(v.Source) + ":" + v.Target + (v.ReadOnly ? ":ro" : string.Empty)));
        }

        FileReferences(yaml, "configs", s.Configs);
        FileReferences(yaml, "secrets", s.Secrets);
        Map(yaml, "environment", s.Environment);
        if (!s.Ports.IsEmpty)
        {
            yaml.Key("ports").BeginSequence();
            foreach (var port in s.Ports)
            {
                yaml.BeginMapping().Key("target").Number(port.Target);
                if (port.Published is { } published)
                {
                    yaml.Key("published").Number(published);
                }

                yaml.Key("protocol").String(ComposeWords.Of(port.Protocol))
                    .Key("mode").String(ComposeWords.Of(port.Mode))
                    .EndMapping();
            }

            yaml.EndSequence();
        }

        if (!s.Networks.IsEmpty)
        {
            yaml.Key("networks").BeginMapping();
            foreach (var network in s.Networks)
            {
                yaml.Key(network.Name);
                if (network.Aliases.IsEmpty)
                {
                    // An empty mapping, not null: in an overlay it replaces the base's aliases, as the model says.
                    yaml.BeginEmptyFlowMapping();
                }
                else
                {
                    yaml.BeginMapping().Key("aliases").Strings(network.Aliases).EndMapping();
                }
            }

            yaml.EndMapping();
        }

        if (s.Command is { } command)
        {
            yaml.Key("command").Strings(command);
        }

        if (s.Entrypoint is { } entrypoint)
        {
            yaml.Key("entrypoint").Strings(entrypoint);
        }

        Scalar(yaml, "working_dir", s.WorkingDir);
        if (s.Healthcheck is { } health)
        {
            yaml.Key("healthcheck").BeginMapping();
            if (!health.Test.IsEmpty)
            {
                yaml.Key("test").Strings(health.Test);
            }

            Scalar(yaml, "interval", health.Interval);
            Scalar(yaml, "timeout", health.Timeout);
            Number(yaml, "retries", health.Retries);
            Scalar(yaml, "start_period", health.StartPeriod);
            yaml.EndMapping();
        }

        if (s.Logging is { } logging)
        {
            yaml.Key("logging").BeginMapping();
            Scalar(yaml, "driver", logging.Driver);
            Map(yaml, "options", logging.Options);
            yaml.EndMapping();
        }

        Map(yaml, "labels", s.Labels);
        Scalar(yaml, "user", s.User);
        if (HasDeploy(s))
        {
            yaml.Key("deploy");
            WriteDeploy(yaml, s);
        }

        Scalar(yaml, "hostname", s.Hostname);
        Scalar(yaml, "stop_grace_period", s.StopGracePeriod);
        yaml.EndMapping();
    }

    private static bool HasDeploy(ServiceSpec s) =>
        s.Mode is not null || s.Replicas is not null || s.EndpointMode is not null || !s.DeployLabels.IsEmpty
        || !s.Constraints.IsEmpty || !s.Spread.IsEmpty || s.MaxReplicasPerNode is not null
        || s.RestartPolicy is not null || s.UpdateConfig is not null || s.RollbackConfig is not null || s.Resources is not null;

    private static void WriteDeploy(YamlWriter yaml, ServiceSpec s)
    {
        yaml.BeginMapping();
        if (s.Mode is { } mode)
        {
            yaml.Key("mode").String(ComposeWords.Of(mode));
        }

        Number(yaml, "replicas", s.Replicas);
        if (s.EndpointMode is { } endpoint)
        {
            yaml.Key("endpoint_mode").String(ComposeWords.Of(endpoint));
        }

        Map(yaml, "labels", s.DeployLabels);
        if (!s.Constraints.IsEmpty || !s.Spread.IsEmpty || s.MaxReplicasPerNode is not null)
        {
            yaml.Key("placement").BeginMapping();
            if (!s.Constraints.IsEmpty)
            {
                yaml.Key("constraints").Strings(s.Constraints);
            }

            if (!s.Spread.IsEmpty)
            {
                yaml.Key("preferences").BeginSequence();
                foreach (var spread in s.Spread)
                {
                    yaml.BeginMapping().Key("spread").String(spread).EndMapping();
                }

                yaml.EndSequence();
            }

            Number(yaml, "max_replicas_per_node", s.MaxReplicasPerNode);
            yaml.EndMapping();
        }

        if (s.RestartPolicy is { } restart)
        {
            yaml.Key("restart_policy").BeginMapping();
            if (restart.Condition is { } condition)
            {
                yaml.Key("condition").String(ComposeWords.Of(condition));
            }

            Scalar(yaml, "delay", restart.Delay);
            Number(yaml, "max_attempts", restart.MaxAttempts);
            Scalar(yaml, "window", restart.Window);
            yaml.EndMapping();
        }

        UpdateConfig(yaml, "update_config", s.UpdateConfig);
        UpdateConfig(yaml, "rollback_config", s.RollbackConfig);
        if (s.Resources is { } resources)
        {
            yaml.Key("resources").BeginMapping();
            Amounts(yaml, "limits", resources.Limits);
            Amounts(yaml, "reservations", resources.Reservations);
            yaml.EndMapping();
        }

        yaml.EndMapping();
    }

    private static void UpdateConfig(YamlWriter yaml, string key, UpdateConfigSpec? update)
    {
        if (update is null)
        {
            return;
        }

        yaml.Key(key).BeginMapping();
        Number(yaml, "parallelism", update.Parallelism);
        Scalar(yaml, "delay", update.Delay);
        if (update.FailureAction is { } action)
        {
            yaml.Key("failure_action").String(ComposeWords.Of(action));
        }

        Scalar(yaml, "monitor", update.Monitor);
        Scalar(yaml, "max_failure_ratio", update.MaxFailureRatio);
        if (update.Order is { } order)
        {
            yaml.Key("order").String(ComposeWords.Of(order));
        }

        yaml.EndMapping();
    }

    private static void Amounts(YamlWriter yaml, string key, ResourceAmounts? amounts)
    {
        if (amounts is null || (amounts.Cpus is null && amounts.Memory is null))
        {
            return;
        }

        yaml.Key(key).BeginMapping();
        Scalar(yaml, "cpus", amounts.Cpus);
        Scalar(yaml, "memory", amounts.Memory);
        yaml.EndMapping();
    }

    private static void WriteNetwork(YamlWriter yaml, NetworkSpec n)
    {
        var fields = new List<(string, object)>();
        if (n.ExternalName is { } name)
        {
            fields.Add(("name", name));
        }

        if (n.External)
        {
            fields.Add(("external", true));
        }

        if (n.Driver is { } driver)
        {
            fields.Add(("driver", driver));
        }

        if (n.Attachable)
        {
            fields.Add(("attachable", true));
        }

        Fields(yaml, fields, n.DriverOptions);
    }

    private static void WriteVolume(YamlWriter yaml, VolumeSpec v)
    {
        var fields = new List<(string, object)>();
        if (v.ExternalName is { } name)
        {
            fields.Add(("name", name));
        }

        if (v.External)
        {
            fields.Add(("external", true));
        }

        if (v.Driver is { } driver)
        {
            fields.Add(("driver", driver));
        }

        Fields(yaml, fields, v.DriverOptions);
    }

    private static void WriteFileResource(YamlWriter yaml, FileResourceSpec r, HostPaths paths)
    {
        var fields = new List<(string, object)>();
        if (r.ExternalName is { } name)
        {
            fields.Add(("name", name));
        }

        if (r.External)
        {
            fields.Add(("external", true));
        }

        if (r.File is { } file)
        {
            fields.Add(("file", paths.File(r.Name, file)));
        }

        Fields(yaml, fields, ValueMap.Empty);
    }

    private static void Fields(YamlWriter yaml, List<(string Key, object Value)> fields, ValueMap driverOptions)
    {
        if (fields.Count == 0 && driverOptions.IsEmpty)
        {
            yaml.BeginEmptyFlowMapping();
            return;
        }

        yaml.BeginMapping();
        foreach (var (key, value) in fields)
        {
            yaml.Key(key);
            if (value is bool flag)
            {
                yaml.Boolean(flag);
            }
            else
            {
                yaml.String((string)value);
            }
        }

        Map(yaml, "driver_opts", driverOptions);
        yaml.EndMapping();
    }

    private static void FileReferences(YamlWriter yaml, string key, ValueList<FileReference> references)
    {
        if (references.IsEmpty)
        {
            return;
        }

        yaml.Key(key).BeginSequence();
        foreach (var reference in references)
        {
            if (reference.Target is { } target)
            {
                yaml.BeginMapping().Key("source").String(reference.Source).Key("target").String(target).EndMapping();
            }
            else
            {
                yaml.String(reference.Source);
            }
        }

        yaml.EndSequence();
    }

    private static void Map(YamlWriter yaml, string key, ValueMap map)
    {
        if (map.IsEmpty)
        {
            return;
        }

        yaml.Key(key).BeginMapping();
        foreach (var entry in map)
        {
            yaml.Key(entry.Key).String(entry.Value);
        }

        yaml.EndMapping();
    }

    private static void Scalar(YamlWriter yaml, string key, string? value)
    {
        if (value is not null)
        {
            yaml.Key(key).String(value);
        }
    }

    private static void Number(YamlWriter yaml, string key, int? value)
    {
        if (value is { } number)
        {
            yaml.Key(key).Number(number);
        }
    }
}
