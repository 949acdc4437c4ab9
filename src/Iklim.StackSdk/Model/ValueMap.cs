using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Iklim.StackSdk.Model;

/// <summary>
/// An immutable, insertion-ordered string map with value equality (environment, labels, driver options).
/// Setting an existing key keeps its position and replaces its value, as Docker's merge does.
/// </summary>
/// <example><code>var env = ValueMap.Empty.Set("A", "1").Set("B", "2");</code></example>
public readonly struct ValueMap : IReadOnlyList<KeyValuePair<string, string>>, IEquatable<ValueMap>
{
    private readonly ValueList<KeyValuePair<string, string>> _entries;

    private ValueMap(ValueList<KeyValuePair<string, string>> entries) => _entries = entries;

    /// <summary>The empty map.</summary>
    public static ValueMap Empty => default;

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <summary>True when the map has no entries.</summary>
    public bool IsEmpty => _entries.IsEmpty;

    /// <inheritdoc />
    public KeyValuePair<string, string> this[int index] => _entries[index];

    /// <summary>The keys, in insertion order.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public string? Get(string key)
    {
        var index = IndexOf(key);
        return index < 0 ? null : _entries[index].Value;
    }

    /// <summary>A new map with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public ValueMap Set(string key, string value)
    {
        var index = IndexOf(key);
        var entry = new KeyValuePair<string, string>(key, value);
        if (index < 0)
        {
            return new(_entries.Add(entry));
        }

        return string.Equals(_entries[index].Value, value, StringComparison.Ordinal) ? this : new(_entries.ReplaceAt(index, entry));
    }

    /// <summary>A new map without <paramref name="key"/>.</summary>
    public ValueMap Remove(string key) => new(_entries.RemoveAll(e => string.Equals(e.Key, key, StringComparison.Ordinal)));

    /// <summary>This map with every entry of <paramref name="other"/> set over it (Docker's merge by key).</summary>
    public ValueMap SetAll(ValueMap other)
    {
        if (IsEmpty)
        {
            return other;
        }

        var result = this;
        foreach (var entry in other)
        {
            result = result.Set(entry.Key, entry.Value);
        }

        return result;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueMap other) => _entries.Equals(other._entries);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueMap other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _entries.GetHashCode();

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueMap left, ValueMap right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueMap left, ValueMap right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", _entries.Select(e => e.Key + "=" + e.Value)) + "}";
}
