using Iklim.StackSdk.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Cli.Tests.Support;

/// <summary>
/// `docker stack config` output, normalised for comparing two folders' files: the folder's absolute path (which
/// docker writes into config and secret <c>file:</c> paths) becomes <c>.</c>; <c>version</c> and the top-level <c>x-</c> fields go; and what means the
/// same to Swarm is written one way: <c>deploy.mode: replicated</c> (the default) goes, a replicated job without replicas has 1, a port's tcp and ingress (the defaults)
/// go, a network attached without settings is <c>{}</c>, a repeated placement constraint appears once.
/// </summary>
internal static class DockerConfig
{
    // Docker prints a relative host path resolved against the compose file's folder, shown here as "./".
    public static string Of(params string[] files) => Relative(DockerCli.StackConfigOrFail(files), files[0]);

    /// <summary>
    /// The rebuilt files' config, where a project file the import re-based resolves into the input's folder and the
    /// build's own files (a gateway's config.yaml) into the rebuilt deploy folder: both read "./" as in the input's.
    /// </summary>
    public static string OfRebuilt(string inputFile, params string[] files) =>
        Relative(Relative(DockerCli.StackConfigOrFail(files), files[0]), inputFile);

    private static string Relative(string output, string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return Normalise(output.Replace(folder + "/", "./", StringComparison.Ordinal));
    }

    public static string Normalise(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        root.Children.Remove(new YamlScalarNode("version"));

        // docker prints the top-level x- fields it ignores; they deploy nothing, and import drops them (and says so).
        foreach (var extension in root.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value!.StartsWith("x-", StringComparison.Ordinal)).ToList())
        {
            root.Children.Remove(extension);
        }
        if (root.Children.TryGetValue(new YamlScalarNode("services"), out var services) && services is YamlMappingNode serviceMap)
        {
            foreach (var service in serviceMap.Children.Values.OfType<YamlMappingNode>())
            {
                Service(service);
            }
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static void Service(YamlMappingNode service)
    {
        // docker prints env_file as written and its variables, read, in environment: only the environment deploys,
        // and the same file named from another folder is another text.
        service.Children.Remove(new YamlScalarNode("env_file"));

        // A network attached with no settings: docker writes null for the list form, {} for an empty mapping.
        if (Child(service, "networks") is YamlMappingNode networks)
        {
            foreach (var name in networks.Children.Keys.ToList())
            {
                if (networks.Children[name] is YamlScalarNode { Value: null or "" or "null" })
                {
                    networks.Children[name] = new YamlMappingNode();
                }
            }
        }

        // A port's defaults, tcp and ingress, whether stated or not.
        if (Child(service, "ports") is YamlSequenceNode ports)
        {
            foreach (var port in ports.Children.OfType<YamlMappingNode>())
            {
                if (Child(port, "protocol") is YamlScalarNode { Value: "tcp" })
                {
                    port.Children.Remove(new YamlScalarNode("protocol"));
                }

                if (Child(port, "mode") is YamlScalarNode { Value: "ingress" })
                {
                    port.Children.Remove(new YamlScalarNode("mode"));
                }
            }
        }

        if (Child(service, "deploy") is not YamlMappingNode deploy)
        {
            return;
        }

        if (Child(deploy, "mode") is YamlScalarNode { Value: "replicated" })
        {
            deploy.Children.Remove(new YamlScalarNode("mode"));
        }

        // A replicated job without replicas runs one completion (measured on a Swarm: TotalCompletions 1).
        if (Child(deploy, "mode") is YamlScalarNode { Value: "replicated-job" } && Child(deploy, "replicas") is null)
        {
            // Docker writes replicas right after mode.
            var entries = deploy.Children.ToList();
            deploy.Children.Clear();
            foreach (var entry in entries)
            {
                deploy.Children.Add(entry.Key, entry.Value);
                if (entry.Key is YamlScalarNode { Value: "mode" })
                {
                    deploy.Children.Add(new YamlScalarNode("replicas"), new YamlScalarNode("1"));
                }
            }
        }

        // Swarm ANDs constraints: one stated twice (Docker appends an overlay's to the base's) is one condition.
        if (Child(deploy, "placement") is YamlMappingNode placement && Child(placement, "constraints") is YamlSequenceNode constraints)
        {
            var distinct = constraints.Children.OfType<YamlScalarNode>().DistinctBy(c => c.Value, StringComparer.Ordinal).ToList();
            placement.Children[new YamlScalarNode("constraints")] = new YamlSequenceNode(distinct);
        }

        if (deploy.Children.Count == 0)
        {
            service.Children.Remove(new YamlScalarNode("deploy"));
        }
    }
}
