using System;
using System.Collections.Generic;
using System.Linq;

namespace Iklim.StackSdk.Model.Keys;

/// <summary>
/// Docker's merge rules for the kinds of <see cref="MergeKind"/> and for the nested blocks, as the key table applies
/// them; measured against the docker CLI (docs/merge-rules.md) and re-checked by the merge-equivalence tests.
/// </summary>
internal static class MergeRules
{
    /// <summary>True for a Go duration of zero (<c>0</c>, <c>0s</c>, <c>0m0s</c>): Docker ignores those in an overlay.</summary>
    public static bool IsZeroDuration(string? duration) =>
        duration is not null && !Interpolation.Contains(duration) && duration.All(c => c is '0' or '.' || char.IsLetter(c) || c == 'µ');

    /// <summary>The overlay's duration unless it is absent or zero.</summary>
    public static string? Duration(string? overlay, string? baseValue) => overlay is null || IsZeroDuration(overlay) ? baseValue : overlay;

    /// <summary>Environment merges by key, but an empty overlay value does not override a base value (labels differ: there it does).</summary>
    public static ValueMap Environment(ValueMap b, ValueMap o)
    {
        var result = b;
        foreach (var entry in o)
        {
            if (entry.Value.Length == 0 && b.ContainsKey(entry.Key))
            {
                continue;
            }

            result = result.Set(entry.Key, entry.Value);
        }

        return result;
    }

    /// <summary>
    /// The environment an overlay must say. Docker resolves each file's <c>env_file</c> into that file's environment
    /// before it merges the files (measured), so an overlay's env file would override the base's <c>environment</c> of
    /// the same name; an overlay that adds env files therefore restates the whole merged environment, which keeps
    /// <c>environment</c> above every env file, as in one file.
    /// </summary>
    public static ValueMap MinimalEnvironment(ServiceSpec b, ServiceSpec o) =>
        NewEnvFiles(b, o).IsEmpty ? NewEntries(b.Environment, o.Environment, emptyOverrides: false) : Environment(b.Environment, o.Environment);

    /// <summary>The overlay's env files the base does not read already (compared by <see cref="ProjectPaths.Canonical"/>).</summary>
    public static ValueList<string> NewEnvFiles(ServiceSpec b, ServiceSpec o) =>
        o.EnvFiles.IsEmpty ? o.EnvFiles : o.EnvFiles.Where(f => !b.EnvFiles.Any(x => ProjectPaths.Canonical(x) == ProjectPaths.Canonical(f))).ToValueList();

    /// <summary>The overlay entries that change the merge of a map: new keys and new values (an empty one only where it overrides).</summary>
    public static ValueMap NewEntries(ValueMap b, ValueMap o, bool emptyOverrides)
    {
        var result = ValueMap.Empty;
        foreach (var entry in o)
        {
            if (b.Get(entry.Key) != entry.Value && (emptyOverrides || entry.Value.Length != 0 || !b.ContainsKey(entry.Key)))
            {
                result = result.Set(entry.Key, entry.Value);
            }
        }

        return result;
    }

    /// <summary>
    /// When a service is in both files and the base has the list, Docker keys it, replaces entries whole and sorts the
    /// result; entries sharing a key collapse, the last one winning, even when both came from the base. When the base
    /// has no such list, the overlay's is taken as it is.
    /// </summary>
    public static ValueList<T> Keyed<T>(ValueList<T> b, ValueList<T> o, Func<T, string> key)
    {
        if (b.IsEmpty || (o.IsEmpty && SortedByUniqueKey(b, key)))
        {
            return o.IsEmpty ? b : o;
        }

        var items = b.AddRange(o);
        var last = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            last[key(item)] = item;
        }

        return last.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value).ToValueList();
    }

    // A base list already in key order without repeated keys is what sorting and collapsing it would give.
    private static bool SortedByUniqueKey<T>(ValueList<T> items, Func<T, string> key)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(key(items[i - 1]), key(items[i])) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first entry of a name is merged into (or the item appended), in one pass with an index of positions.</summary>
    public static ValueList<T> ByName<T>(ValueList<T> b, ValueList<T> o, Func<T, string> key, Func<T, T, T> merge)
    {
        if (o.IsEmpty)
        {
            return b;
        }

        var result = new List<T>(b.Count + o.Count);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in b)
        {
            var name = key(item);
            if (!positions.ContainsKey(name))
            {
                positions.Add(name, result.Count);
            }

            result.Add(item);
        }

        foreach (var item in o)
        {
            var name = key(item);
            if (positions.TryGetValue(name, out var position))
            {
                result[position] = merge(result[position], item);
            }
            else
            {
                positions.Add(name, result.Count);
                result.Add(item);
            }
        }

        return result.ToValueList();
    }

    /// <summary>Field by field; Docker appends an overlay's test to the base's.</summary>
    public static HealthcheckSpec? Healthcheck(HealthcheckSpec? b, HealthcheckSpec? o) =>
        b is null || o is null ? o ?? b : new HealthcheckSpec(
            b.Test.AddRange(o.Test),
            Duration(o.Interval, b.Interval),
            Duration(o.Timeout, b.Timeout),
            o.Retries ?? b.Retries,
            Duration(o.StartPeriod, b.StartPeriod))
        {
            StartInterval = Duration(o.StartInterval, b.StartInterval),
            Disabled = o.Disabled is true ? true : b.Disabled,
        };

    /// <summary>The test list is left out when it equals the base's: Docker would append it a second time.</summary>
    public static HealthcheckSpec? MinimalHealthcheck(HealthcheckSpec? b, HealthcheckSpec? o)
    {
        if (o is null || o == b)
        {
            return null;
        }

        return b is null ? o : o with { Test = o.Test == b.Test ? ValueList<string>.Empty : o.Test };
    }

    /// <summary>
    /// The same driver (or one side without a driver) keeps the base's driver and merges the options by key, but only
    /// into options the base has: over a base block without options, Docker drops the overlay's (IKS0004). Another
    /// driver replaces the whole block.
    /// </summary>
    public static LoggingSpec? Logging(LoggingSpec? b, LoggingSpec? o) =>
        b is null || o is null ? o ?? b
        : SameLoggingDriver(b, o) ? new LoggingSpec(b.Driver ?? o.Driver, b.Options.IsEmpty ? b.Options : b.Options.SetAll(o.Options))
        : o;

    /// <summary>True when Docker merges the two logging blocks rather than replacing the base's.</summary>
    public static bool SameLoggingDriver(LoggingSpec b, LoggingSpec o) => o.Driver is null || b.Driver is null || o.Driver == b.Driver;

    /// <summary>Field by field.</summary>
    public static RestartPolicySpec? Restart(RestartPolicySpec? b, RestartPolicySpec? o) =>
        b is null || o is null ? o ?? b : new RestartPolicySpec(
            o.Condition ?? b.Condition,
            Duration(o.Delay, b.Delay),
            o.MaxAttempts ?? b.MaxAttempts,
            Duration(o.Window, b.Window));

    /// <summary>Field by field.</summary>
    public static UpdateConfigSpec? Update(UpdateConfigSpec? b, UpdateConfigSpec? o) =>
        b is null || o is null ? o ?? b : new UpdateConfigSpec(
            o.Parallelism ?? b.Parallelism,
            Duration(o.Delay, b.Delay),
            o.FailureAction ?? b.FailureAction,
            Duration(o.Monitor, b.Monitor),
            o.MaxFailureRatio ?? b.MaxFailureRatio,
            o.Order ?? b.Order);

    /// <summary>Limits and reservations field by field.</summary>
    public static ResourcesSpec? Resources(ResourcesSpec? b, ResourcesSpec? o) =>
        b is null || o is null ? o ?? b : new ResourcesSpec(Amounts(b.Limits, o.Limits), Amounts(b.Reservations, o.Reservations));

    /// <summary>
    /// What an overlay must say for <paramref name="o"/>'s resources: the block whole, but without the generic resources
    /// the base already reserves, since Docker would append them a second time. Null when nothing changes.
    /// </summary>
    public static ResourcesSpec? MinimalResources(ResourcesSpec? b, ResourcesSpec? o)
    {
        if (o is null || o == b)
        {
            return null;
        }

        var inBase = b?.Reservations?.GenericResources ?? ValueList<GenericResourceSpec>.Empty;
        var minimal = o.Reservations is { } reservations
            ? o with { Reservations = reservations with { GenericResources = reservations.GenericResources.Where(r => !inBase.Contains(r)).ToValueList() } }
            : o;
        return Resources(b, minimal) == b ? null : minimal;
    }

    // Docker appends an overlay's generic resources to the base's (measured), whatever their kinds.
    private static ResourceAmounts? Amounts(ResourceAmounts? b, ResourceAmounts? o) =>
        b is null || o is null ? o ?? b : new ResourceAmounts(o.Cpus ?? b.Cpus, o.Memory ?? b.Memory)
        {
            Pids = o.Pids ?? b.Pids,
            GenericResources = b.GenericResources.AddRange(o.GenericResources),
        };

    /// <summary>
    /// An overlay's entry for a network the base attaches replaces its aliases, but Docker keeps the base's driver
    /// options: an overlay's are ignored there (IKS0004). A network only the overlay attaches is taken whole.
    /// </summary>
    public static ValueList<ServiceNetwork> Networks(ValueList<ServiceNetwork> b, ValueList<ServiceNetwork> o) =>
        ByName(b, o, n => n.Name, (bn, on) => on with { DriverOptions = bn.DriverOptions });

    /// <summary>
    /// Field by field, as Docker merges the block: an overlay's source replaces the base's of the same kind, and one of
    /// another kind is added beside it (two sources, which <c>docker stack deploy</c> refuses: IKS0004).
    /// </summary>
    public static CredentialSpec? CredentialSpec(CredentialSpec? b, CredentialSpec? o) =>
        b is null || o is null ? o ?? b : new CredentialSpec(o.Config ?? b.Config, o.File ?? b.File, o.Registry ?? b.Registry);

    /// <summary>How many of a credential spec's sources are set; Docker deploys one at most.</summary>
    public static int CredentialSources(CredentialSpec? spec) =>
        spec is null ? 0 : (spec.Config is null ? 0 : 1) + (spec.File is null ? 0 : 1) + (spec.Registry is null ? 0 : 1);
}
