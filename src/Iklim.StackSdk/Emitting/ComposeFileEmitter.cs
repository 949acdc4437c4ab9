using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

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
                WriteService(yaml, Rebased(service, paths));
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

    // The table's order is dclint's service key order; keys sharing a parent (deploy, deploy.placement) sit together in it.
    private static void WriteService(YamlWriter yaml, ServiceSpec s) => Write(yaml, ServiceNode(s));

    /// <summary>The service as the key table writes it, the keys grouped under their parents.</summary>
    internal static MappingNode ServiceNode(ServiceSpec s)
    {
        var root = new MappingNode();
        var open = new List<(string Name, MappingNode Node)>();
        foreach (var key in ServiceKeys.All)
        {
            if (key.Path is null || key.Emit(s) is not { } value)
            {
                continue;
            }

            var parents = key.Parents;
            var common = 0;
            while (common < open.Count && common < parents.Count && open[common].Name == parents[common])
            {
                common++;
            }

            open.RemoveRange(common, open.Count - common);
            for (var i = common; i < parents.Count; i++)
            {
                var child = new MappingNode();
                (i == 0 ? root : open[i - 1].Node).Add(parents[i], child);
                open.Add((parents[i], child));
            }

            (parents.Count == 0 ? root : open[parents.Count - 1].Node).Add(key.Name, value);
        }

        return root;
    }

    private static void Write(YamlWriter yaml, ComposeNode node)
    {
        switch (node)
        {
            case TextNode text:
                yaml.String(text.Value);
                break;
            case NumberNode number:
                yaml.Number(number.Value);
                break;
            case FlagNode flag:
                yaml.Boolean(flag.Value);
                break;
            case SequenceNode sequence:
                yaml.BeginSequence();
                foreach (var item in sequence.Items)
                {
                    Write(yaml, item);
                }

                yaml.EndSequence();
                break;
            case MappingNode { Entries.Count: 0 }:
                yaml.BeginEmptyFlowMapping();
                break;
            case MappingNode mapping:
                yaml.BeginMapping();
                foreach (var entry in mapping.Entries)
                {
                    yaml.Key(entry.Key);
                    Write(yaml, entry.Value);
                }

                yaml.EndMapping();
                break;
        }
    }

    private static void WriteNetwork(YamlWriter yaml, NetworkSpec n)
    {
        if (n.ExternalName is null && !n.External && n.Driver is null && !n.Attachable && n.DriverOptions.IsEmpty
            && !n.Internal && n.Labels.IsEmpty && n.IpamDriver is null && n.Subnets.IsEmpty)
        {
            yaml.BeginEmptyFlowMapping();
            return;
        }

        yaml.BeginMapping();
        Scalar(yaml, "name", n.ExternalName);
        Flag(yaml, "external", n.External);
        Scalar(yaml, "driver", n.Driver);
        Flag(yaml, "attachable", n.Attachable);
        Map(yaml, "driver_opts", n.DriverOptions);
        Flag(yaml, "internal", n.Internal);
        if (n.IpamDriver is not null || !n.Subnets.IsEmpty)
        {
            yaml.Key("ipam").BeginMapping();
            Scalar(yaml, "driver", n.IpamDriver);
            if (!n.Subnets.IsEmpty)
            {
                yaml.Key("config").BeginSequence();
                foreach (var subnet in n.Subnets)
                {
                    yaml.BeginMapping().Key("subnet").String(subnet).EndMapping();
                }

                yaml.EndSequence();
            }

            yaml.EndMapping();
        }

        Map(yaml, "labels", n.Labels);
        yaml.EndMapping();
    }

    private static void WriteVolume(YamlWriter yaml, VolumeSpec v)
    {
        if (v.ExternalName is null && !v.External && v.Driver is null && v.DriverOptions.IsEmpty && v.Labels.IsEmpty)
        {
            yaml.BeginEmptyFlowMapping();
            return;
        }

        yaml.BeginMapping();
        Scalar(yaml, "name", v.ExternalName);
        Flag(yaml, "external", v.External);
        Scalar(yaml, "driver", v.Driver);
        Map(yaml, "driver_opts", v.DriverOptions);
        Map(yaml, "labels", v.Labels);
        yaml.EndMapping();
    }

    // A relative bind source or env file in C# is relative to the project; the compose file names it relative to the deploy folder.
    private static ServiceSpec Rebased(ServiceSpec s, HostPaths paths)
    {
        if (s.Volumes.Any(v => HostPaths.IsRelative(v.Source)))
        {
            s = s with { Volumes = s.Volumes.Select(v => v with { Source = paths.MountSource(v.Source) }).ToValueList() };
        }

        return s.EnvFiles.Any(ProjectPaths.IsProjectPath) ? s with { EnvFiles = s.EnvFiles.Select(paths.EnvFile).ToValueList() } : s;
    }

    private static void WriteFileResource(YamlWriter yaml, FileResourceSpec r, HostPaths paths)
    {
        if (r.ExternalName is null && !r.External && r.File is null && r.Driver is null && r.TemplateDriver is null && r.Labels.IsEmpty)
        {
            yaml.BeginEmptyFlowMapping();
            return;
        }

        yaml.BeginMapping();
        Scalar(yaml, "name", r.ExternalName);
        Flag(yaml, "external", r.External);
        Scalar(yaml, "file", paths.File(r));
        Scalar(yaml, "driver", r.Driver);
        Map(yaml, "driver_opts", r.DriverOptions);
        Scalar(yaml, "template_driver", r.TemplateDriver);
        Map(yaml, "labels", r.Labels);
        yaml.EndMapping();
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

    private static void Flag(YamlWriter yaml, string key, bool value)
    {
        if (value)
        {
            yaml.Key(key).Boolean(true);
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
