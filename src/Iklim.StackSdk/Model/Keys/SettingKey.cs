using System;

namespace Iklim.StackSdk.Model.Keys;

/// <summary>
/// Which setting a DSL call wrote, as provenance knows it: the DSL member (always a <c>nameof</c>) and, for keys that
/// hold many entries, the entry (<c>Environment</c> + <c>REDIS_PASSWORD</c>). Its text is the <see cref="Building.SourceRef.Key"/>
/// a finding carries, <c>Environment:REDIS_PASSWORD</c>.
/// </summary>
internal readonly struct SettingKey : IEquatable<SettingKey>
{
    private SettingKey(string member, string? item)
    {
        Member = member;
        Item = item;
    }

    /// <summary>The DSL member's name.</summary>
    public string Member { get; }

    /// <summary>The entry the call set, or null for a key with one value.</summary>
    public string? Item { get; }

    /// <summary>The setting of a one-value key.</summary>
    public static SettingKey Of(string member) => new(member, null);

    /// <summary>The entry <paramref name="item"/> of a many-entry key.</summary>
    public static SettingKey Of(string member, string item) => new(member, item);

    /// <summary>Reads back the text of <see cref="ToString"/>: the member up to the first ':', the entry after it.</summary>
    public static SettingKey Parse(string text)
    {
        var colon = text.IndexOf(':');
        return colon < 0 ? new SettingKey(text, null) : new SettingKey(text.Substring(0, colon), text.Substring(colon + 1));
    }

    /// <inheritdoc />
    public bool Equals(SettingKey other) => string.Equals(Member, other.Member, StringComparison.Ordinal) && string.Equals(Item, other.Item, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SettingKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Member ?? string.Empty) * 397) ^ (Item is null ? 0 : StringComparer.Ordinal.GetHashCode(Item)));

    /// <summary><c>Member</c> or <c>Member:Item</c>.</summary>
    public override string ToString() => Item is null ? Member : Member + ":" + Item;
}
