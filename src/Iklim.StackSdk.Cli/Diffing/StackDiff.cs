using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Model;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Cli.Diffing;

/// <summary>One difference between two deployments: the service (or <c>networks</c>, ...), the key path in it, and both values.</summary>
/// <param name="Owner">The service name, or the top-level section and name for a resource (<c>networks.backend</c>).</param>
/// <param name="Key">The key path inside it (<c>deploy.replicas</c>, <c>ports[0].published</c>); empty when the whole entry differs.</param>
/// <param name="Old">The value in the first deployment, null when absent.</param>
/// <param name="New">The value in the second deployment, null when absent.</param>
internal sealed record Difference(string Owner, string Key, string? Old, string? New)
{
    /// <inheritdoc />
    public override string ToString() =>
        (Key.Length == 0 ? Owner : Owner + ": " + Key) + ": " + (Old ?? "(absent)") + " -> " + (New ?? "(absent)");
}

/// <summary>
/// Compares two effective stacks key by key, on the compose text the SDK's emitter writes for each (one fixed key
/// order, so only content differs). A list of plain values (constraints, a command) is compared as one value.
/// </summary>
internal static class StackDiff
{
    /// <summary>The differences from <paramref name="left"/> to <paramref name="right"/>, in compose key order.</summary>
    public static IReadOnlyList<Difference> Compare(StackScope left, StackScope right)
    {
        var a = Flatten(Deployment.Normalise(left));
        var b = Flatten(Deployment.Normalise(right));
        var keys = a.Keys.Concat(b.Keys.Where(k => !a.ContainsKey(k))).ToList();
        var differences = new List<Difference>();
        foreach (var key in keys)
        {
            a.TryGetValue(key, out var old);
            b.TryGetValue(key, out var @new);
            if (!string.Equals(old, @new, StringComparison.Ordinal))
            {
                var (owner, path) = Split(key);
                differences.Add(new Difference(owner, path, old, @new));
            }
        }

        return differences;
    }

    // services.redis.deploy.replicas -> (redis, deploy.replicas); networks.backend.driver -> (networks.backend, driver).
    private static (string Owner, string Key) Split(IReadOnlyList<string> path) =>
        path[0] == "services"
            ? (path.Count > 1 ? path[1] : "services", string.Join(".", path.Skip(2)).Replace(".[", "[", StringComparison.Ordinal))
            : (string.Join(".", path.Take(2)), string.Join(".", path.Skip(2)).Replace(".[", "[", StringComparison.Ordinal));

    private static (string Owner, string Key) Split(string key) => Split(key.Split('\u001f'));

    private static Dictionary<string, string> Flatten(StackScope scope)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(ComposeFileEmitter.Emit(scope)));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(stream.Documents[0].RootNode, new List<string>(), values);
        return values;
    }

    // Path segments are joined with a unit separator, which no compose key contains; an empty entry keeps its own key.
    private static void Flatten(YamlNode node, List<string> path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case YamlMappingNode mapping when mapping.Children.Count > 0:
                foreach (var entry in mapping.Children)
                {
                    path.Add(((YamlScalarNode)entry.Key).Value ?? string.Empty);
                    Flatten(entry.Value, path, values);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                values[string.Join("\u001f", path)] = "[" + string.Join(", ", sequence.Children.Select(c => ((YamlScalarNode)c).Value)) + "]";
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    path.Add("[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                    Flatten(sequence.Children[i], path, values);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case YamlScalarNode scalar:
                values[string.Join("\u001f", path)] = scalar.Value ?? string.Empty;
                break;
            default:
                values[string.Join("\u001f", path)] = "{}";
                break;
        }
    }
}
