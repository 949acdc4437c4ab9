using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Iklim.StackSdk.Model;

/// <summary>
/// An immutable list with value equality, so that model records compare by content.
/// Order matters: it is the order the stack declared things in, and the order they are emitted in.
/// </summary>
/// <example><code>var a = ValueList.Of("x", "y"); a.Equals(ValueList.Of("x", "y")); // true</code></example>
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[]? _items;

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    public ValueList(IEnumerable<T> items) => _items = items.ToArray();

    private ValueList(T[] items, bool _) => _items = items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty => default;

    /// <inheritdoc />
    public int Count => _items?.Length ?? 0;

    /// <summary>True when the list has no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <inheritdoc />
    public T this[int index] => (_items ?? Array.Empty<T>())[index];

    /// <summary>A new list with <paramref name="item"/> appended.</summary>
    public ValueList<T> Add(T item)
    {
        var copy = new T[Count + 1];
        if (_items is not null)
        {
            Array.Copy(_items, copy, _items.Length);
        }

        copy[copy.Length - 1] = item;
        return new ValueList<T>(copy, true);
    }

    /// <summary>A new list with every item of <paramref name="items"/> appended.</summary>
    public ValueList<T> AddRange(IEnumerable<T> items)
    {
        // Merging appends an overlay's list to the base's for every key of every service; most are empty.
        if (items is IReadOnlyCollection<T> { Count: 0 })
        {
            return this;
        }

        return IsEmpty && items is ValueList<T> list ? list : new(this.Concat(items));
    }

    /// <summary>A new list without the items that match <paramref name="match"/>.</summary>
    public ValueList<T> RemoveAll(Func<T, bool> match)
    {
        var kept = new List<T>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (!match(_items![i]))
            {
                kept.Add(_items[i]);
            }
        }

        return kept.Count == Count ? this : new ValueList<T>(kept.ToArray(), true);
    }

    /// <summary>A new list where the first item matching <paramref name="match"/> is replaced, or <paramref name="item"/> appended.</summary>
    public ValueList<T> Upsert(Func<T, bool> match, T item)
    {
        for (var i = 0; i < Count; i++)
        {
            if (match(_items![i]))
            {
                return ReplaceAt(i, item);
            }
        }

        return Add(item);
    }

    /// <summary>A new list with the item at <paramref name="index"/> replaced: one copy, for the model's hot paths.</summary>
    internal ValueList<T> ReplaceAt(int index, T item)
    {
        var copy = (T[])_items!.Clone();
        copy[index] = item;
        return new ValueList<T>(copy, true);
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T> other)
    {
        if (ReferenceEquals(_items, other._items))
        {
            return true;
        }

        if (Count != other.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < Count; i++)
        {
            if (!comparer.Equals(this[i], other[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            foreach (var item in this)
            {
                hash = (hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item));
            }

            return hash;
        }
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", this) + "]";
}

/// <summary>Factory helpers for <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    /// <summary>A list of the given items.</summary>
    public static ValueList<T> Of<T>(params T[] items) => new(items);

    /// <summary>A list of the given items.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
