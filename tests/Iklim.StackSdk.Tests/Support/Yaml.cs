using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Tests.Support;

/// <summary>Reads YAML as docker printed it, for assertions by path: <c>Yaml.At(doc, "services", "vault", "deploy", "replicas")</c>.</summary>
internal static class Yaml
{
    public static YamlNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }

    public static YamlNode? Find(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    public static YamlNode At(YamlNode node, params string[] path) =>
        Find(node, path) ?? throw new Xunit.Sdk.XunitException($"no node at {string.Join(".", path)}");

    public static string Scalar(YamlNode node, params string[] path) =>
        At(node, path) is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw new Xunit.Sdk.XunitException($"{string.Join(".", path)} is not a scalar");

    public static IReadOnlyList<string> Scalars(YamlNode node, params string[] path) =>
        ((YamlSequenceNode)At(node, path)).Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToList();

    public static IReadOnlyList<string> Keys(YamlNode node, params string[] path) =>
        ((YamlMappingNode)At(node, path)).Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? string.Empty).ToList();

    /// <summary>The mount of <paramref name="service"/> at <paramref name="target"/> in a compose stack, long syntax as docker reads it back.</summary>
    public static YamlNode Mount(YamlNode stack, string target, string service = "app") =>
        ((YamlSequenceNode)At(stack, "services", service, "volumes")).Children.Single(m => Find(m, "target") is YamlScalarNode t && t.Value == target);
}
