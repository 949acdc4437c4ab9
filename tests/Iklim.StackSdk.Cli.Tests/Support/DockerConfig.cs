using Iklim.StackSdk.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Cli.Tests.Support;

/// <summary>
/// `docker stack config` output, normalised for comparing two folders' files: the folder's absolute path (which
/// docker writes into config and secret <c>file:</c> paths) becomes <c>.</c>, <c>deploy.mode: replicated</c> (the
/// default) goes, and so does <c>version</c>.
/// </summary>
internal static class DockerConfig
{
    public static string Of(params string[] files)
    {
        var output = DockerCli.StackConfigOrFail(files);
        var folder = Path.GetDirectoryName(Path.GetFullPath(files[0]))!;
        return Normalise(output.Replace(folder + "/", "./", StringComparison.Ordinal));
    }

    public static string Normalise(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        root.Children.Remove(new YamlScalarNode("version"));
        if (root.Children.TryGetValue(new YamlScalarNode("services"), out var services) && services is YamlMappingNode serviceMap)
        {
            foreach (var service in serviceMap.Children.Values.OfType<YamlMappingNode>())
            {
                if (service.Children.TryGetValue(new YamlScalarNode("deploy"), out var deploy) && deploy is YamlMappingNode deployMap
                    && deployMap.Children.TryGetValue(new YamlScalarNode("mode"), out var mode) && mode is YamlScalarNode { Value: "replicated" })
                {
                    deployMap.Children.Remove(new YamlScalarNode("mode"));
                    if (deployMap.Children.Count == 0)
                    {
                        service.Children.Remove(new YamlScalarNode("deploy"));
                    }
                }
            }
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
