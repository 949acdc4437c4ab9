using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Emitting.Gateway;

/// <summary>One idempotent Admin API call: what it sets (for messages), the path under the Admin URL, and the JSON body.</summary>
internal sealed record AdminApiCall(string What, string Path, IReadOnlyList<JsonPiece> Body);

/// <summary>
/// The Admin API calls that put one effective gateway in place: upstreams first (routes refer to them), then routes,
/// then global rules, each in declaration order. Keys are written in the order APISIX documents them.
/// </summary>
internal static class AdminApiCalls
{
    public static IReadOnlyList<AdminApiCall> For(GatewaySpec gateway)
    {
        var calls = new List<AdminApiCall>();
        calls.AddRange(gateway.Upstreams.Select(u => new AdminApiCall("upstream " + u.Id, "/upstreams/" + Uri.EscapeDataString(u.Id), Upstream(u))));
        calls.AddRange(gateway.Routes.Select(r => new AdminApiCall("route " + r.Id, "/routes/" + Uri.EscapeDataString(r.Id), Route(r))));
        calls.AddRange(gateway.GlobalRules.Select(g => new AdminApiCall("global rule " + g.Id, "/global_rules/" + Uri.EscapeDataString(g.Id), GlobalRule(g))));
        return calls;
    }

    /// <summary>The environment variables the calls read at run time.</summary>
    public static IReadOnlyList<string> Variables(IEnumerable<AdminApiCall> calls) =>
        calls.SelectMany(c => c.Body).Select(p => p.Variable).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static IReadOnlyList<JsonPiece> Upstream(UpstreamSpec u)
    {
        var json = new JsonText().BeginObject().Key("name").String(u.Name ?? u.Id).Key("type").String(Balancer(u.Balancer ?? UpstreamBalancer.RoundRobin));
        if (u.Balancer == UpstreamBalancer.Chash)
        {
            if (u.HashOn is { } hashOn)
            {
                json.Key("hash_on").String(hashOn);
            }

            json.Key("key").String(u.Key ?? "remote_addr");
        }

        json.Key("nodes").BeginObject();
        foreach (var node in u.Nodes)
        {
            json.Key(node.Host + ":" + node.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).Number(node.Weight);
        }

        json.EndObject();
        if (u.Timeout is { } timeout)
        {
            json.Key("timeout").BeginObject().Key("connect").Number(timeout.Connect).Key("send").Number(timeout.Send).Key("read").Number(timeout.Read).EndObject();
        }

        json.Key("scheme").String(u.Scheme ?? "http");
        if (u.HealthCheck is { } check)
        {
            json.Key("checks").BeginObject().Key("active").BeginObject()
                .Key("type").String("http")
                .Key("http_path").String(check.HttpPath)
                .Key("healthy").BeginObject().Key("interval").Number(check.Interval).Key("successes").Number(check.HealthySuccesses).EndObject()
                .Key("unhealthy").BeginObject().Key("interval").Number(check.Interval).Key("http_failures").Number(check.UnhealthyFailures).EndObject()
                .EndObject().EndObject();
        }

        return json.EndObject().Finish();
    }

    private static IReadOnlyList<JsonPiece> Route(RouteSpec r)
    {
        var json = new JsonText().BeginObject().Key("name").String(r.Name ?? r.Id).Key("uris").BeginArray();
        foreach (var uri in r.Uris)
        {
            json.String(uri);
        }

        json.EndArray();
        if (!r.Methods.IsEmpty)
        {
            json.Key("methods").BeginArray();
            foreach (var method in r.Methods)
            {
                json.String(method);
            }

            json.EndArray();
        }

        if (r.Upstream is { } upstream)
        {
            json.Key("upstream_id").String(upstream);
        }

        if (r.WebSocket)
        {
            json.Key("enable_websocket").Boolean(true);
        }

        Plugins(json, r.Plugins);
        return json.EndObject().Finish();
    }

    private static IReadOnlyList<JsonPiece> GlobalRule(GlobalRuleSpec g)
    {
        var json = new JsonText().BeginObject();
        Plugins(json, g.Plugins);
        return json.EndObject().Finish();
    }

    private static void Plugins(JsonText json, ValueList<PluginSpec> plugins)
    {
        json.Key("plugins").BeginObject();
        foreach (var plugin in plugins)
        {
            json.Key(plugin.Name).BeginObject();
            switch (plugin)
            {
                case LimitCountSpec count:
                    LimitCount(json, count);
                    break;
                case LimitConnSpec conn:
                    json.Key("conn").Number(conn.Conn)
                        .Key("burst").Number(conn.Burst)
                        .Key("default_conn_delay").Number(conn.DefaultConnDelay)
                        .Key("key_type").String(KeyType(conn.KeyType))
                        .Key("key").String(conn.Key)
                        .Key("rejected_code").Number(conn.RejectedCode);
                    break;
            }

            json.EndObject();
        }

        json.EndObject();
    }

    private static void LimitCount(JsonText json, LimitCountSpec c)
    {
        json.Key("count").Number(c.Count)
            .Key("time_window").Number(c.TimeWindow)
            .Key("key_type").String(KeyType(c.KeyType))
            .Key("key").String(c.Key)
            .Key("rejected_code").Number(c.RejectedCode)
            .Key("policy").String(Policy(c.Policy))
            .Key("allow_degradation").Boolean(c.AllowDegradation);
        if (c.RedisHost is { } host)
        {
            json.Key("redis_host").String(host);
        }

        if (c.RedisPort is { } port)
        {
            json.Key("redis_port").Number(port);
        }

        if (!c.RedisClusterNodes.IsEmpty)
        {
            json.Key("redis_cluster_nodes").BeginArray();
            foreach (var node in c.RedisClusterNodes)
            {
                json.String(node);
            }

            json.EndArray();
        }

        if (c.RedisClusterName is { } cluster)
        {
            json.Key("redis_cluster_name").String(cluster);
        }

        if (c.RedisPassword is { } password)
        {
            json.Key("redis_password");
            if (GatewayRequire.IsVariable(password))
            {
                json.RuntimeString(GatewayRequire.VariableName(password));
            }
            else
            {
                json.String(password);
            }
        }
    }

    private static string Balancer(UpstreamBalancer balancer) => balancer switch
    {
        UpstreamBalancer.Chash => "chash",
        UpstreamBalancer.Ewma => "ewma",
        UpstreamBalancer.LeastConn => "least_conn",
        _ => "roundrobin",
    };

    private static string Policy(RateLimitPolicy policy) => policy switch
    {
        RateLimitPolicy.Redis => "redis",
        RateLimitPolicy.RedisCluster => "redis-cluster",
        _ => "local",
    };

    private static string KeyType(LimitKeyType type) => type switch
    {
        LimitKeyType.VarCombination => "var_combination",
        LimitKeyType.Constant => "constant",
        _ => "var",
    };
}
