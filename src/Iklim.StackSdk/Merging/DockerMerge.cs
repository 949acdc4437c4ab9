using System;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Merging;

/// <summary>
/// What <c>docker stack config -c base -c overlay</c> makes of two files, as code. The rules were measured
/// against the docker CLI (see docs/merge-rules.md) and are re-checked against it by the merge-equivalence tests.
/// </summary>
public static class DockerMerge
{
    /// <summary>The effective stack of a profile: <paramref name="overlay"/> merged over <paramref name="baseScope"/>.</summary>
    public static StackScope Merge(StackScope baseScope, StackScope overlay) => Merge(baseScope, overlay, MergeService);

    /// <summary>As <see cref="Merge(StackScope, StackScope)"/>, each service merged by <paramref name="mergeService"/>.</summary>
    internal static StackScope Merge(StackScope baseScope, StackScope overlay, Func<ServiceSpec, ServiceSpec, ServiceSpec> mergeService) => new()
    {
        Services = MergeByName(baseScope.Services, overlay.Services, s => s.Name, mergeService),
        Networks = MergeByName(baseScope.Networks, overlay.Networks, n => n.Name, (_, o) => o),
        Volumes = MergeByName(baseScope.Volumes, overlay.Volumes, v => v.Name, (_, o) => o),
        Secrets = MergeByName(baseScope.Secrets, overlay.Secrets, s => s.Name, (_, o) => o),
        Configs = MergeByName(baseScope.Configs, overlay.Configs, c => c.Name, (_, o) => o),

        // The inventory is not a compose key: a profile's nodes add to (or redefine) the base's.
        Nodes = MergeByName(baseScope.Nodes, overlay.Nodes, n => n.Hostname, (_, o) => o),

        // Nor are gateways: they become init.sh and config.yaml, merged by GatewayMerge's rules.
        Gateways = MergeByName(baseScope.Gateways, overlay.Gateways, g => g.Service, GatewayMerge.Merge),
    };

    /// <summary>One service of the overlay merged over the same service of the base, key by key as <see cref="ServiceKeys"/> declares.</summary>
    public static ServiceSpec MergeService(ServiceSpec b, ServiceSpec o)
    {
        var result = b;
        foreach (var key in ServiceKeys.All)
        {
            result = key.MergeInto(result, b, o);
        }

        return result;
    }

    /// <summary>
    /// The key Docker 28 merges ports by: the published port alone (not the protocol), zero-padded so that
    /// ordinal order is Docker's numeric order.
    /// </summary>
    public static string PortKey(PortSpec port) => ServiceKeys.PortKey(port);

    /// <summary>True for a Go duration of zero (<c>0</c>, <c>0s</c>, <c>0m0s</c>): Docker ignores those in an overlay.</summary>
    public static bool IsZeroDuration(string? duration) => MergeRules.IsZeroDuration(duration);

    private static ValueList<T> MergeByName<T>(ValueList<T> b, ValueList<T> o, Func<T, string> key, Func<T, T, T> merge) => MergeRules.ByName(b, o, key, merge);
}
