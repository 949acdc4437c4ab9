using System.Collections.Generic;

namespace Iklim.StackSdk.Model.Keys;

/// <summary>
/// A compose value as a key of the table states it, before any YAML is written: the emitter decides quoting and
/// layout, the table decides what the value is. An empty mapping is written <c>{}</c>.
/// </summary>
internal abstract class ComposeNode
{
    public static ComposeNode Text(string value) => new TextNode(value);

    public static ComposeNode Number(long value) => new NumberNode(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A number already written in invariant form (<c>0.25</c>).</summary>
    public static ComposeNode Number(string invariantText) => new NumberNode(invariantText);

    public static ComposeNode Flag(bool value) => new FlagNode(value);

    public static ComposeNode Texts(IEnumerable<string> values)
    {
        var items = new List<ComposeNode>();
        foreach (var value in values)
        {
            items.Add(new TextNode(value));
        }

        return new SequenceNode(items);
    }

    public static ComposeNode Map(ValueMap map)
    {
        var mapping = new MappingNode();
        foreach (var entry in map)
        {
            mapping.Add(entry.Key, new TextNode(entry.Value));
        }

        return mapping;
    }
}

internal sealed class TextNode : ComposeNode
{
    public TextNode(string value) => Value = value;

    public string Value { get; }
}

internal sealed class NumberNode : ComposeNode
{
    public NumberNode(string text) => Value = text;

    /// <summary>The number in invariant form, written plain.</summary>
    public string Value { get; }
}

internal sealed class FlagNode : ComposeNode
{
    public FlagNode(bool value) => Value = value;

    public bool Value { get; }
}

internal sealed class SequenceNode : ComposeNode
{
    public SequenceNode(IReadOnlyList<ComposeNode> items) => Items = items;

    public IReadOnlyList<ComposeNode> Items { get; }
}

/// <summary>A mapping in the order its entries were added: the table's order, never sorted.</summary>
internal sealed class MappingNode : ComposeNode
{
    private readonly List<KeyValuePair<string, ComposeNode>> _entries = new();

    public IReadOnlyList<KeyValuePair<string, ComposeNode>> Entries => _entries;

    /// <summary>Adds <paramref name="key"/> when it has a value; a null value means the key is not written.</summary>
    public MappingNode Add(string key, ComposeNode? value)
    {
        if (value is not null)
        {
            _entries.Add(new KeyValuePair<string, ComposeNode>(key, value));
        }

        return this;
    }
}
