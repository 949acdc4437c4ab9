using System;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Merging;

/// <summary>
/// How a profile's gateway changes the base's. The gateway is not a compose key, so these are the SDK's own rules,
/// chosen to read like a service's: an upstream, route or global rule with a new id is added after the base's;
/// with a known id, what the profile sets replaces the base's value (scalars, and lists such as a route's uris or
/// an upstream's nodes, which are replaced whole, never appended) and plugins replace the base's plugin of the same
/// name whole. <see cref="GatewaySpec.Etcd"/>, <see cref="GatewaySpec.RealIp"/> and <see cref="GatewaySpec.AdminApi"/> replace the base's settings.
/// Nothing can be removed, as in Docker's merge.
/// </summary>
public static class GatewayMerge
{
    /// <summary>The effective gateway: <paramref name="overlay"/> over <paramref name="baseGateway"/>.</summary>
    public static GatewaySpec Merge(GatewaySpec baseGateway, GatewaySpec overlay) => baseGateway with
    {
        Upstreams = MergeById(baseGateway.Upstreams, overlay.Upstreams, u => u.Id, MergeUpstream),
        Routes = MergeById(baseGateway.Routes, overlay.Routes, r => r.Id, MergeRoute),
        GlobalRules = MergeById(baseGateway.GlobalRules, overlay.GlobalRules, r => r.Id, (b, o) => b with { Plugins = MergePlugins(b.Plugins, o.Plugins) }),
        Etcd = overlay.Etcd ?? baseGateway.Etcd,
        RealIp = overlay.RealIp ?? baseGateway.RealIp,
        AdminApi = overlay.AdminApi ?? baseGateway.AdminApi,
    };

    private static UpstreamSpec MergeUpstream(UpstreamSpec b, UpstreamSpec o) => b with
    {
        Name = o.Name ?? b.Name,
        Balancer = o.Balancer ?? b.Balancer,
        HashOn = o.Balancer is null ? b.HashOn : o.HashOn,
        Key = o.Balancer is null ? b.Key : o.Key,
        Nodes = o.Nodes.IsEmpty ? b.Nodes : o.Nodes,
        Timeout = o.Timeout ?? b.Timeout,
        Scheme = o.Scheme ?? b.Scheme,
        HealthCheck = o.HealthCheck ?? b.HealthCheck,
    };

    private static RouteSpec MergeRoute(RouteSpec b, RouteSpec o) => b with
    {
        Name = o.Name ?? b.Name,
        Uris = o.Uris.IsEmpty ? b.Uris : o.Uris,
        Methods = o.Methods.IsEmpty ? b.Methods : o.Methods,
        Upstream = o.Upstream ?? b.Upstream,
        WebSocket = o.WebSocket || b.WebSocket,
        Plugins = MergePlugins(b.Plugins, o.Plugins),
    };

    private static ValueList<PluginSpec> MergePlugins(ValueList<PluginSpec> b, ValueList<PluginSpec> o) =>
        MergeById(b, o, p => p.Name, (_, replacement) => replacement);

    private static ValueList<T> MergeById<T>(ValueList<T> b, ValueList<T> o, Func<T, string> id, Func<T, T, T> merge)
    {
        var result = b;
        foreach (var item in o)
        {
            var key = id(item);
            T? existing = default;
            var found = false;
            foreach (var candidate in result)
            {
                if (string.Equals(id(candidate), key, StringComparison.Ordinal))
                {
                    existing = candidate;
                    found = true;
                    break;
                }
            }

            result = found
                ? result.Upsert(x => string.Equals(id(x), key, StringComparison.Ordinal), merge(existing!, item))
                : result.Add(item);
        }

        return result;
    }
}
