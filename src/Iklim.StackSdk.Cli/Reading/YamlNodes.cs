using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Iklim.StackSdk.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Cli.Reading;

/// <summary>
/// One compose file as YAML nodes, read the way Docker reads it: anchors, aliases and merge keys (<c>&lt;&lt;</c>)
/// resolved, scalars kept as written (<c>${VAR}</c> and <c>{{...}}</c> are never resolved). Every accessor throws
/// <see cref="ImportException"/> with the file, the line and the key path when the shape is wrong.
/// </summary>
internal sealed class YamlNodes
{
    private YamlNodes(string file, YamlMappingNode? root)
    {
        File = file;
        Root = root;
    }

    /// <summary>The file as given on the command line.</summary>
    public string File { get; }

    /// <summary>The top-level mapping; null for an empty file.</summary>
    public YamlMappingNode? Root { get; }

    /// <summary>Parses <paramref name="path"/>; YAML that does not parse, or more than one document, is an error.</summary>
    public static YamlNodes Load(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(path, 0, "(file)", e.Message);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new MergingParser(new Parser(new StringReader(text))));
        }
        catch (YamlException e)
        {
            var problem = e.InnerException is { } inner ? e.Message + " " + inner.Message : e.Message;
            throw new ImportException(path, e.Start.Line, "(yaml)", "not valid YAML: " + problem);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet reports a key given twice in one mapping this way; Docker rejects such a file too.
            throw new ImportException(path, 0, "(yaml)", "not valid YAML: " + e.Message);
        }

        if (stream.Documents.Count > 1)
        {
            throw new ImportException(path, stream.Documents[1].RootNode.Start.Line, "(yaml)", "more than one YAML document: Docker reads a compose file as one document.");
        }

        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            return new YamlNodes(path, null);
        }

        var root = stream.Documents[0].RootNode;
        return root is YamlMappingNode mapping
            ? new YamlNodes(path, mapping)
            : throw new ImportException(path, root.Start.Line, "(top level)", "a compose file is a mapping (services:, networks:, ...).");
    }

    /// <summary>True for an empty or <c>null</c>/<c>~</c> plain scalar.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>An error about <paramref name="node"/> at <paramref name="path"/>.</summary>
    public ImportException Error(YamlNode node, string path, string problem) => new(File, node.Start.Line, path, problem);

    /// <summary>The entries of a mapping, in file order, with their key paths. A null node has none.</summary>
    public IEnumerable<(string Key, YamlNode Value, string Path, YamlNode KeyNode)> Entries(YamlNode node, string path)
    {
        if (IsNull(node))
        {
            yield break;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, "expected a mapping.");
        }

        foreach (var entry in mapping.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: { } key })
            {
                throw Error(entry.Key, path, "a key must be a plain string.");
            }

            yield return (key, entry.Value, path.Length == 0 ? key : path + "." + key, entry.Key);
        }
    }

    /// <summary>The items of a sequence. A null node has none.</summary>
    public IReadOnlyList<YamlNode> Items(YamlNode node, string path) =>
        IsNull(node) ? Array.Empty<YamlNode>()
        : node is YamlSequenceNode sequence ? sequence.Children.ToList()
        : throw Error(node, path, "expected a list.");

    /// <summary>
    /// A scalar's text as the model holds it: Docker reads numbers and booleans given where a string goes as their text,
    /// <c>$$</c> as a literal <c>$</c> and <c>${VAR}</c> as a deploy-time reference (<see cref="Interpolation.FromCompose"/>).
    /// </summary>
    public string Text(YamlNode node, string path) =>
        node is YamlScalarNode scalar && !IsNull(node)
            ? References(Interpolation.FromCompose(scalar.Value ?? string.Empty), node, path)
            : node is YamlScalarNode ? throw Error(node, path, "a value is needed here.")
            : throw Error(node, path, "expected a single value, not a " + (node is YamlMappingNode ? "mapping." : "list."));

    // Each reference must be one an Env call makes, so that the C# written for it rebuilds the same text.
    private string References(string text, YamlNode node, string path)
    {
        foreach (var (isReference, body) in Interpolation.Parts(text))
        {
            if (isReference && EnvSource.Call(body, b => b) is null)
            {
                throw Error(node, path, "'${" + body + "}' is not a variable reference the DSL can write: use ${NAME}, ${NAME:-fallback}, ${NAME-fallback}, ${NAME:?message} or ${NAME?message}, a message without '-', nothing with '}'.");
            }
        }

        return text;
    }

    /// <summary>A scalar's text, where <c>null</c> means "no value" rather than an error.</summary>
    public string? TextOrNull(YamlNode node, string path) => IsNull(node) ? null : Text(node, path);

    /// <summary>A whole number. <c>${VAR}</c> is refused: the DSL takes these as numbers, so it cannot keep a variable.</summary>
    public int Integer(YamlNode node, string path)
    {
        var text = Text(node, path);
        if (Interpolation.Contains(text))
        {
            throw Error(node, path, $"'{text}': the DSL takes a number here and cannot keep a deploy-time variable.");
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, path, $"'{text}' is not a whole number (Docker rejects it).");
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool Boolean(YamlNode node, string path)
    {
        var text = Text(node, path);
        return text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Error(node, path, $"'{text}' is not true or false (Docker rejects it)."),
        };
    }

    /// <summary>A list of strings, or a single string given where a list goes.</summary>
    public IReadOnlyList<string> Strings(YamlNode node, string path) =>
        node is YamlScalarNode && !IsNull(node)
            ? new[] { Text(node, path) }
            : Items(node, path).Select((item, index) => Text(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]")).ToList();
}
