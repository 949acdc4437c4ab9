using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;

namespace Iklim.StackSdk.Merging;

/// <summary>
/// The overlay file's content for one profile, the profile's effective stack (what Docker makes of base + overlay),
/// and the changes the overlay could not express.
/// </summary>
public sealed record OverlayPlan(StackScope Overlay, StackScope Effective, IReadOnlyList<Finding> Findings);

/// <summary>
/// Computes the minimal overlay whose Docker merge over the base equals the profile's effective stack:
/// only what differs from the base is written. A change that Docker's merge cannot make (removing a key,
/// blanking a value, switching a replicated service to global) becomes an IKS0004 error.
/// </summary>
public static class OverlayPlanner
{
    /// <summary>Plans the overlay of <paramref name="profile"/> over <paramref name="baseScope"/>.</summary>
    public static OverlayPlan Plan(StackScope baseScope, ProfileModel profile)
    {
        var findings = new List<Finding>();
        var services = new List<ServiceSpec>();
        foreach (var change in profile.Changes.Services)
        {
            var original = baseScope.Service(change.Name);
            if (original is null)
            {
                services.Add(change with { Removals = ValueList<RemovalRequest>.Empty });
                continue;
            }

            findings.AddRange(Inexpressible(original, change, profile.Name));
            var minimal = Minimal(original, change);
            if (minimal != new ServiceSpec(change.Name))
            {
                services.Add(minimal);
            }
        }

        var overlay = new StackScope
        {
            Services = services.ToValueList(),
            Networks = Changed(baseScope.Networks, profile.Changes.Networks),
            Volumes = Changed(baseScope.Volumes, profile.Changes.Volumes),
            Secrets = Changed(baseScope.Secrets, profile.Changes.Secrets),
            Configs = Changed(baseScope.Configs, profile.Changes.Configs),
            Nodes = profile.Changes.Nodes,
            Gateways = profile.Changes.Gateways,
        };
        return new OverlayPlan(overlay, DockerMerge.Merge(baseScope, overlay), findings);
    }

    // Only what would change the merge result stays: equal scalars, map entries, list items and whole entries are dropped.
    private static ServiceSpec Minimal(ServiceSpec b, ServiceSpec o) => new(o.Name)
    {
        Image = Differs(o.Image, b.Image),
        Hostname = Differs(o.Hostname, b.Hostname),
        Command = o.Command is { } command && !(b.Command is { } bc && bc == command) ? command : null,
        Entrypoint = o.Entrypoint is { } entrypoint && !(b.Entrypoint is { } be && be == entrypoint) ? entrypoint : null,
        User = Differs(o.User, b.User),
        WorkingDir = Differs(o.WorkingDir, b.WorkingDir),
        StopGracePeriod = Differs(o.StopGracePeriod, b.StopGracePeriod),
        Environment = NewEntries(b.Environment, o.Environment, emptyOverrides: false),
        Labels = NewEntries(b.Labels, o.Labels, emptyOverrides: true),
        DeployLabels = NewEntries(b.DeployLabels, o.DeployLabels, emptyOverrides: true),
        Networks = o.Networks.Where(n => !b.Networks.Contains(n)).ToValueList(),
        Ports = o.Ports.Where(p => !b.Ports.Contains(p)).ToValueList(),
        Volumes = o.Volumes.Where(v => !b.Volumes.Contains(v)).ToValueList(),
        Secrets = o.Secrets.Where(s => !b.Secrets.Contains(s)).ToValueList(),
        Configs = o.Configs.Where(c => !b.Configs.Contains(c)).ToValueList(),
        Constraints = o.Constraints.Where(c => !b.Constraints.Contains(c)).ToValueList(),
        Spread = o.Spread.Where(s => !b.Spread.Contains(s)).ToValueList(),
        Healthcheck = MinimalHealthcheck(b.Healthcheck, o.Healthcheck),
        Logging = o.Logging is { } logging && DockerMerge.MergeService(b, new ServiceSpec(o.Name) { Logging = logging }).Logging != b.Logging ? logging : null,
        Mode = o.Mode != b.Mode ? o.Mode : null,
        Replicas = o.Replicas != b.Replicas ? o.Replicas : null,
        EndpointMode = o.EndpointMode is { } endpoint && endpoint != b.EndpointMode ? endpoint : null,
        MaxReplicasPerNode = o.MaxReplicasPerNode is { } max && max != b.MaxReplicasPerNode ? max : null,
        RestartPolicy = Differs(o.RestartPolicy, b.RestartPolicy),
        UpdateConfig = Differs(o.UpdateConfig, b.UpdateConfig),
        RollbackConfig = Differs(o.RollbackConfig, b.RollbackConfig),
        Resources = Differs(o.Resources, b.Resources),
        Stateful = o.Stateful is true && b.Stateful is not true ? true : null,
        Singleton = o.Singleton is true && b.Singleton is not true ? true : null,
    };

    private static IEnumerable<Finding> Inexpressible(ServiceSpec b, ServiceSpec o, string profile)
    {
        Finding Error(string key, string message) => new(
            InputRules.InexpressibleOverlayChange.Rule.Id,
            InputRules.InexpressibleOverlayChange.Rule.DefaultSeverity,
            InputRules.InexpressibleOverlayChange.Rule.Message(profile, o.Name, message),
            new SourceRef(profile, "service", o.Name, key));

        foreach (var removal in o.Removals)
        {
            var present = removal.Key switch
            {
                "environment" => b.Environment.ContainsKey(removal.Item),
                "constraint" => b.Constraints.Contains(removal.Item),
                "port" => b.Ports.Any(p => p.Published?.ToString(System.Globalization.CultureInfo.InvariantCulture) == removal.Item),
                "volume" => b.Volumes.Any(v => v.Target == removal.Item),
                _ => false,
            };
            if (present)
            {
                yield return Error(
                    "Remove:" + removal.Key + ":" + removal.Item,
                    $"an overlay cannot remove {removal.Key} '{removal.Item}' that the base sets (Docker merges overlays by adding and replacing, never deleting). Move it out of the base into the profiles that need it.");
            }
        }

        foreach (var entry in o.Environment.Where(e => e.Value.Length == 0 && b.Environment.Get(e.Key) is { Length: > 0 }))
        {
            yield return Error(
                "Environment:" + entry.Key,
                $"an empty environment variable '{entry.Key}' in an overlay does not override the base value '{b.Environment.Get(entry.Key)}' (Docker keeps the base value). Set it per profile instead of in the base, or give it a non-empty value.");
        }

        if (o.Healthcheck is { Test.IsEmpty: false } check && b.Healthcheck is { Test.IsEmpty: false } baseCheck && check.Test != baseCheck.Test)
        {
            yield return Error(
                "Healthcheck",
                "Docker appends an overlay's healthcheck test to the base's instead of replacing it, which breaks the check. Declare the healthcheck in each profile's stack only, not in the base.");
        }

        foreach (var (key, overlayValue, baseValue) in Durations(b, o))
        {
            if (DockerMerge.IsZeroDuration(overlayValue) && baseValue is not null && !DockerMerge.IsZeroDuration(baseValue))
            {
                yield return Error(
                    key,
                    $"a zero duration '{overlayValue}' in an overlay does not override the base's '{baseValue}' (Docker ignores zero values there). Use a small non-zero duration such as 1ms.");
            }
        }

        var touchedPorts = b.Ports.AddRange(o.Ports).GroupBy(DockerMerge.PortKey).Where(g => g.Distinct().Count() > 1);
        foreach (var collision in touchedPorts)
        {
            yield return Error(
                "Port:" + collision.First().Published?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"published port {collision.First().Published} appears more than once (for example tcp and udp); when a service is in both files Docker 28 keeps only one entry per published port. Publish the second protocol on another port, or declare the ports only in the base.");
        }

        if (o.Mode == ServiceMode.Global && b.Mode != ServiceMode.Global && b.Replicas is not null)
        {
            yield return Error(
                "Global",
                "switching to global mode in an overlay keeps the base's 'replicas', which Docker rejects for global services. Declare the service global in the base, or keep it replicated.");
        }
    }

    // Docker replaces a top-level entry whole, so an entry is written only when it differs from the base's.
    private static ValueList<T> Changed<T>(ValueList<T> b, ValueList<T> o)
    {
        if (o.IsEmpty)
        {
            return o;
        }

        var inBase = new HashSet<T>(b);
        return o.Where(item => !inBase.Contains(item)).ToValueList();
    }

    private static IEnumerable<(string Key, string? Overlay, string? Base)> Durations(ServiceSpec b, ServiceSpec o)
    {
        yield return ("StopGracePeriod", o.StopGracePeriod, b.StopGracePeriod);
        yield return ("RestartPolicy", o.RestartPolicy?.Delay, b.RestartPolicy?.Delay);
        yield return ("RestartPolicy", o.RestartPolicy?.Window, b.RestartPolicy?.Window);
        yield return ("UpdateConfig", o.UpdateConfig?.Delay, b.UpdateConfig?.Delay);
        yield return ("UpdateConfig", o.UpdateConfig?.Monitor, b.UpdateConfig?.Monitor);
        yield return ("RollbackConfig", o.RollbackConfig?.Delay, b.RollbackConfig?.Delay);
        yield return ("RollbackConfig", o.RollbackConfig?.Monitor, b.RollbackConfig?.Monitor);
        yield return ("Healthcheck", o.Healthcheck?.Interval, b.Healthcheck?.Interval);
        yield return ("Healthcheck", o.Healthcheck?.Timeout, b.Healthcheck?.Timeout);
        yield return ("Healthcheck", o.Healthcheck?.StartPeriod, b.Healthcheck?.StartPeriod);
    }

    // The test list is left out when it equals the base's: Docker would append it a second time.
    private static HealthcheckSpec? MinimalHealthcheck(HealthcheckSpec? b, HealthcheckSpec? o)
    {
        if (o is null || o == b)
        {
            return null;
        }

        return b is null ? o : o with { Test = o.Test == b.Test ? ValueList<string>.Empty : o.Test };
    }

    private static ValueMap NewEntries(ValueMap b, ValueMap o, bool emptyOverrides)
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

    private static T? Differs<T>(T? value, T? baseValue)
        where T : class => value is not null && !Equals(value, baseValue) ? value : null;
}
