using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Merging;

/// <summary>
/// What <c>docker stack config -c base -c overlay</c> makes of two files, as code. The rules were measured
/// against the docker CLI (see docs/merge-rules.md) and are re-checked against it by the merge-equivalence tests.
/// </summary>
public static class DockerMerge
{
    /// <summary>The effective stack of a profile: <paramref name="overlay"/> merged over <paramref name="baseScope"/>.</summary>
    public static StackScope Merge(StackScope baseScope, StackScope overlay) => new()
    {
        Services = MergeByName(baseScope.Services, overlay.Services, s => s.Name, MergeService),
        Networks = MergeByName(baseScope.Networks, overlay.Networks, n => n.Name, (_, o) => o),
        Volumes = MergeByName(baseScope.Volumes, overlay.Volumes, v => v.Name, (_, o) => o),
        Secrets = MergeByName(baseScope.Secrets, overlay.Secrets, s => s.Name, (_, o) => o),
        Configs = MergeByName(baseScope.Configs, overlay.Configs, c => c.Name, (_, o) => o),

        // The inventory is not a compose key: a profile's nodes add to (or redefine) the base's.
        Nodes = MergeByName(baseScope.Nodes, overlay.Nodes, n => n.Hostname, (_, o) => o),

        // Nor are gateways: they become init.sh and config.yaml, merged by GatewayMerge's rules.
        Gateways = MergeByName(baseScope.Gateways, overlay.Gateways, g => g.Service, GatewayMerge.Merge),
    };

    /// <summary>One service of the overlay merged over the same service of the base.</summary>
    public static ServiceSpec MergeService(ServiceSpec b, ServiceSpec o) => b with
    {
        Image = o.Image ?? b.Image,
        Hostname = o.Hostname ?? b.Hostname,
        Command = o.Command ?? b.Command,
        Entrypoint = o.Entrypoint ?? b.Entrypoint,
        User = o.User ?? b.User,
        WorkingDir = o.WorkingDir ?? b.WorkingDir,
        StopGracePeriod = Duration(o.StopGracePeriod, b.StopGracePeriod),
        Environment = MergeEnvironment(b.Environment, o.Environment),
        Labels = b.Labels.SetAll(o.Labels),
        Networks = MergeByName(b.Networks, o.Networks, n => n.Name, (_, on) => on),

        // When a service is in both files and the base has the list, Docker keys it, replaces entries whole and
        // sorts the result; entries sharing a key collapse, the last one winning, even when both came from the base.
        // When the base has no such list, the overlay's is taken as it is.
        Ports = Keyed(b.Ports, o.Ports, PortKey),
        Volumes = Keyed(b.Volumes, o.Volumes, v => v.Target),
        Secrets = Keyed(b.Secrets, o.Secrets, r => r.Source),
        Configs = Keyed(b.Configs, o.Configs, r => r.Source),
        Healthcheck = MergeHealthcheck(b.Healthcheck, o.Healthcheck),
        Logging = MergeLogging(b.Logging, o.Logging),
        Mode = o.Mode ?? b.Mode,
        Replicas = o.Replicas ?? b.Replicas,
        EndpointMode = o.EndpointMode ?? b.EndpointMode,
        DeployLabels = b.DeployLabels.SetAll(o.DeployLabels),
        Constraints = Append(b.Constraints, o.Constraints),
        Spread = Append(b.Spread, o.Spread),
        MaxReplicasPerNode = o.MaxReplicasPerNode ?? b.MaxReplicasPerNode,
        RestartPolicy = MergeRestart(b.RestartPolicy, o.RestartPolicy),
        UpdateConfig = MergeUpdate(b.UpdateConfig, o.UpdateConfig),
        RollbackConfig = MergeUpdate(b.RollbackConfig, o.RollbackConfig),
        Resources = MergeResources(b.Resources, o.Resources),
        Stateful = o.Stateful ?? b.Stateful,
        Singleton = o.Singleton ?? b.Singleton,
        Removals = ValueList<RemovalRequest>.Empty,
    };

    /// <summary>
    /// The key Docker 28 merges ports by: the published port alone (not the protocol), zero-padded so that
    /// ordinal order is Docker's numeric order.
    /// </summary>
    public static string PortKey(PortSpec port) => (port.Published ?? 0).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for a Go duration of zero (<c>0</c>, <c>0s</c>, <c>0m0s</c>): Docker ignores those in an overlay.</summary>
    public static bool IsZeroDuration(string? duration) =>
        duration is not null && !Validation.Names.HasInterpolation(duration) && duration.All(c => c is '0' or '.' || char.IsLetter(c) || c == 'µ');

    // Environment merges by key, but an empty overlay value does not override a base value (labels differ: there it does).
    private static ValueMap MergeEnvironment(ValueMap b, ValueMap o)
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

    // Placement lists are appended as they are: an entry in both files appears twice.
    private static ValueList<string> Append(ValueList<string> b, ValueList<string> o) => b.AddRange(o);

    private static ValueList<T> Keyed<T>(ValueList<T> b, ValueList<T> o, Func<T, string> key)
    {
        if (b.IsEmpty)
        {
            return o;
        }

        var items = b.AddRange(o);
        var last = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            last[key(item)] = item;
        }

        return last.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value).ToValueList();
    }

    private static string? Duration(string? overlay, string? baseValue) => overlay is null || IsZeroDuration(overlay) ? baseValue : overlay;

    // The first entry of a name is merged into (or the item appended), in one pass with an index of positions.
    private static ValueList<T> MergeByName<T>(ValueList<T> b, ValueList<T> o, Func<T, string> key, Func<T, T, T> merge)
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

    private static HealthcheckSpec? MergeHealthcheck(HealthcheckSpec? b, HealthcheckSpec? o) =>
        b is null || o is null ? o ?? b : new HealthcheckSpec(
            b.Test.AddRange(o.Test),
            Duration(o.Interval, b.Interval),
            Duration(o.Timeout, b.Timeout),
            o.Retries ?? b.Retries,
            Duration(o.StartPeriod, b.StartPeriod));

    // The same driver (or one side without a driver) merges the options by key; another driver replaces the whole block.
    private static LoggingSpec? MergeLogging(LoggingSpec? b, LoggingSpec? o) =>
        b is null || o is null ? o ?? b
        : o.Driver is null || b.Driver is null || o.Driver == b.Driver ? new LoggingSpec(o.Driver ?? b.Driver, b.Options.SetAll(o.Options))
        : o;

    private static RestartPolicySpec? MergeRestart(RestartPolicySpec? b, RestartPolicySpec? o) =>
        b is null || o is null ? o ?? b : new RestartPolicySpec(
            o.Condition ?? b.Condition,
            Duration(o.Delay, b.Delay),
            o.MaxAttempts ?? b.MaxAttempts,
            Duration(o.Window, b.Window));

    private static UpdateConfigSpec? MergeUpdate(UpdateConfigSpec? b, UpdateConfigSpec? o) =>
        b is null || o is null ? o ?? b : new UpdateConfigSpec(
            o.Parallelism ?? b.Parallelism,
            Duration(o.Delay, b.Delay),
            o.FailureAction ?? b.FailureAction,
            Duration(o.Monitor, b.Monitor),
            o.MaxFailureRatio ?? b.MaxFailureRatio,
            o.Order ?? b.Order);

    private static ResourcesSpec? MergeResources(ResourcesSpec? b, ResourcesSpec? o) =>
        b is null || o is null ? o ?? b : new ResourcesSpec(MergeAmounts(b.Limits, o.Limits), MergeAmounts(b.Reservations, o.Reservations));

    private static ResourceAmounts? MergeAmounts(ResourceAmounts? b, ResourceAmounts? o) =>
        b is null || o is null ? o ?? b : new ResourceAmounts(o.Cpus ?? b.Cpus, o.Memory ?? b.Memory);
}
