using System;
using System.Collections.Generic;
using System.Linq;

namespace Iklim.StackSdk.Model.Keys;

/// <summary>How Docker's stack loader merges a key of an overlay into the base (measured: docs/merge-rules.md).</summary>
internal enum MergeKind
{
    /// <summary>The overlay's value replaces the base's when it has one (a zero of a pointer field too).</summary>
    Override,

    /// <summary>A Go duration: replaced, except that a zero overlay duration is ignored.</summary>
    Duration,

    /// <summary>A map merged by key; an empty overlay value overrides (labels).</summary>
    MapByKey,

    /// <summary>A map merged by key where an empty overlay value does not override (environment).</summary>
    EnvironmentMap,

    /// <summary>A list keyed per entry: entries replaced whole, the result sorted by key when the base has the list.</summary>
    KeyedList,

    /// <summary>A list the overlay's entries are appended to, duplicates kept.</summary>
    AppendedList,

    /// <summary>A map of entries by name, an overlay entry replacing the base's whole.</summary>
    ByName,

    /// <summary>A nested block merged field by field, each field by its own rule.</summary>
    Block,

    /// <summary>A boolean an overlay can switch on but never off: Docker ignores an overlay's <c>false</c>.</summary>
    Flag,

    /// <summary>Policy metadata the SDK keeps beside the compose keys: never emitted, replaced when set.</summary>
    Metadata,

    /// <summary>A request the overlay cannot carry (a removal): never merged, only reported as IKS0004.</summary>
    Request,
}

/// <summary>
/// One key of a compose service, declared once in <see cref="ServiceKeys"/>: the <see cref="ServiceSpec"/> property
/// that holds it, its compose path, Docker's merge rule for it, what the minimal overlay keeps of it, how it is
/// written, and the DSL calls provenance records it under.
/// </summary>
internal abstract class ServiceKey
{
    protected ServiceKey(string property, string? path, MergeKind merge, IReadOnlyList<string> calls)
    {
        Property = property;
        Path = path;
        Merge = merge;
        Calls = calls;
        var segments = path?.Split('.') ?? Array.Empty<string>();
        Parents = segments.Take(Math.Max(0, segments.Length - 1)).ToArray();
        Name = path is null ? property : segments[segments.Length - 1];
    }

    /// <summary>The <see cref="ServiceSpec"/> property (its <c>nameof</c>).</summary>
    public string Property { get; }

    /// <summary>The compose path below the service (<c>deploy.placement.max_replicas_per_node</c>); null when never emitted.</summary>
    public string? Path { get; }

    /// <summary>Docker's merge rule.</summary>
    public MergeKind Merge { get; }

    /// <summary>The DSL members (by <c>nameof</c>) whose provenance keys point at this key.</summary>
    public IReadOnlyList<string> Calls { get; }

    /// <summary>The segments of <see cref="Path"/> above the key itself (<c>deploy</c>, <c>placement</c>).</summary>
    public IReadOnlyList<string> Parents { get; }

    /// <summary>The key's own name in its parent mapping.</summary>
    public string Name { get; }

    /// <summary><paramref name="result"/> with this key set to Docker's merge of <paramref name="overlay"/>'s value over <paramref name="baseService"/>'s.</summary>
    public abstract ServiceSpec MergeInto(ServiceSpec result, ServiceSpec baseService, ServiceSpec overlay);

    /// <summary><paramref name="result"/> with this key set to the least the overlay must say so that the merge gives <paramref name="profile"/>'s value.</summary>
    public abstract ServiceSpec MinimalInto(ServiceSpec result, ServiceSpec baseService, ServiceSpec profile);

    /// <summary>The value to write, or null when <paramref name="service"/> leaves the key out.</summary>
    public abstract ComposeNode? Emit(ServiceSpec service);

    /// <summary>True when <paramref name="service"/> holds the value the call <paramref name="setting"/> writes (for a many-entry key: its entry).</summary>
    public abstract bool Holds(ServiceSpec service, SettingKey setting);
}

/// <summary>A <see cref="ServiceKey"/> whose value has the type <typeparamref name="T"/>.</summary>
internal sealed class ServiceKey<T> : ServiceKey
{
    private readonly Func<ServiceSpec, T> _get;
    private readonly Func<ServiceSpec, T, ServiceSpec> _set;
    private readonly Func<T, T, T> _merge;
    private readonly Func<ServiceSpec, ServiceSpec, T> _minimal;
    private readonly Func<T, ComposeNode?> _emit;
    private readonly Func<T, SettingKey, bool> _holds;

    public ServiceKey(
        string property,
        string? path,
        MergeKind merge,
        IReadOnlyList<string> calls,
        Func<ServiceSpec, T> get,
        Func<ServiceSpec, T, ServiceSpec> set,
        Func<T, T, T> mergeValues,
        Func<T, T, T> minimal,
        Func<T, ComposeNode?> emit,
        Func<T, SettingKey, bool> holds)
        : this(property, path, merge, calls, get, set, mergeValues, (b, p) => minimal(get(b), get(p)), emit, holds)
    {
    }

    private ServiceKey(
        string property,
        string? path,
        MergeKind merge,
        IReadOnlyList<string> calls,
        Func<ServiceSpec, T> get,
        Func<ServiceSpec, T, ServiceSpec> set,
        Func<T, T, T> mergeValues,
        Func<ServiceSpec, ServiceSpec, T> minimal,
        Func<T, ComposeNode?> emit,
        Func<T, SettingKey, bool> holds)
        : base(property, path, merge, calls)
    {
        _get = get;
        _set = set;
        _merge = mergeValues;
        _minimal = minimal;
        _emit = emit;
        _holds = holds;
    }

    /// <summary>A key whose minimal overlay value depends on other keys of the two services, not on its own values alone.</summary>
    public static ServiceKey<T> WithServiceMinimal(
        string property,
        string? path,
        MergeKind merge,
        IReadOnlyList<string> calls,
        Func<ServiceSpec, T> get,
        Func<ServiceSpec, T, ServiceSpec> set,
        Func<T, T, T> mergeValues,
        Func<ServiceSpec, ServiceSpec, T> minimal,
        Func<T, ComposeNode?> emit,
        Func<T, SettingKey, bool> holds) =>
        new(property, path, merge, calls, get, set, mergeValues, minimal, emit, holds);

    public T Get(ServiceSpec service) => _get(service);

    public override ServiceSpec MergeInto(ServiceSpec result, ServiceSpec baseService, ServiceSpec overlay) =>
        SetIfChanged(result, _merge(_get(baseService), _get(overlay)));

    public override ServiceSpec MinimalInto(ServiceSpec result, ServiceSpec baseService, ServiceSpec profile) =>
        SetIfChanged(result, _minimal(baseService, profile));

    public override ComposeNode? Emit(ServiceSpec service) => _emit(_get(service));

    public override bool Holds(ServiceSpec service, SettingKey setting) => _holds(_get(service), setting);

    // The walk over the table visits every key of every service and most leave the value as it is: a copy of the
    // record per key would be most of what merging and planning allocate. Equal values give an equal record.
    private ServiceSpec SetIfChanged(ServiceSpec result, T value) =>
        EqualityComparer<T>.Default.Equals(_get(result), value) ? result : _set(result, value);
}
