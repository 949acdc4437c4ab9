using System.Collections.Generic;

namespace Iklim.StackSdk.Building;

/// <summary>
/// Supplies the origin of the DSL call being run. The compile-time evaluator sets it to the call's
/// source location before each call; at runtime there is none.
/// </summary>
public interface IOriginTracker
{
    /// <summary>The origin of the call in progress, or null.</summary>
    object? Current { get; }
}

/// <summary>
/// Which call set each setting, kept beside the model rather than in it so that models stay comparable
/// by value whatever front door built them.
/// </summary>
public sealed class Provenance
{
    private readonly Dictionary<SourceRef, object> _origins = new();

    /// <summary>Records that <paramref name="where"/> was last set at <paramref name="origin"/>.</summary>
    public void Record(SourceRef where, object? origin)
    {
        if (origin is not null)
        {
            _origins[where] = origin;
        }
    }

    /// <summary>Records <paramref name="origin"/> only if nothing was recorded yet (declarations keep their first call).</summary>
    public void RecordFirst(SourceRef where, object? origin)
    {
        if (origin is not null && !_origins.ContainsKey(where))
        {
            _origins[where] = origin;
        }
    }

    /// <summary>The origin of exactly <paramref name="where"/>, or null.</summary>
    public object? Find(SourceRef where) => _origins.TryGetValue(where, out var origin) ? origin : null;

    /// <summary>
    /// The best origin for a finding: the setting in its scope, else the setting in the base,
    /// else the element's declaration in its scope, else in the base.
    /// </summary>
    public object? Locate(SourceRef where) =>
        Find(where)
        ?? Find(where with { Scope = string.Empty })
        ?? Find(where.AtDeclaration)
        ?? Find(where.AtDeclaration with { Scope = string.Empty });
}
