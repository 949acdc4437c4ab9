using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Iklim.StackSdk.Generators.Pipeline;

/// <summary>An immutable array compared by its items, so pipeline models cache between runs.</summary>
/// <typeparam name="T">The item type, itself equatable.</typeparam>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[]? _items;

    /// <summary>Copies <paramref name="items"/>.</summary>
    public EquatableArray(IEnumerable<T> items) => _items = items.ToArray();

    /// <inheritdoc />
    public int Count => _items?.Length ?? 0;

    /// <inheritdoc />
    public T this[int index] => (_items ?? Array.Empty<T>())[index];

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other) => this.SequenceEqual(other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in this)
        {
            hash = unchecked((hash * 31) + item.GetHashCode());
        }

        return hash;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
