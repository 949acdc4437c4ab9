using System;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Building;

/// <summary>
/// The plugin calls that routes and global rules share, written once: <c>LimitCount</c> and <c>LimitConn</c> validate
/// their arguments here and hand the plugin to the owner, which records it under its own key
/// (<c>Route:{id}:LimitCount</c>, <c>GlobalRule:{id}:LimitConn</c>). The builder interfaces declare the calls for the DSL.
/// </summary>
/// <typeparam name="TSelf">The builder interface the calls return, so that they chain.</typeparam>
internal abstract class PluginRuleBuilder<TSelf>
    where TSelf : class
{
    /// <summary>See <see cref="IGlobalRuleBuilder.LimitCount"/>.</summary>
    public TSelf LimitCount(
        int count,
        int timeWindow,
        string key = "remote_addr",
        LimitKeyType keyType = LimitKeyType.Var,
        int rejectedCode = 429,
        RateLimitPolicy policy = RateLimitPolicy.Local,
        string? redisHost = null,
        int? redisPort = null,
        string? redisPassword = null,
        bool allowDegradation = false,
        string[]? redisClusterNodes = null,
        string? redisClusterName = null)
    {
        Require.AtLeast(count, 1, "The count", nameof(count));
        Require.AtLeast(timeWindow, 1, "The time window (seconds)", nameof(timeWindow));
        Require.NotEmpty(key, "A rate-limit key", nameof(key));
        GatewayRequire.Defined(keyType, nameof(keyType));
        GatewayRequire.Defined(policy, nameof(policy));
        GatewayRequire.RejectedCode(rejectedCode, nameof(rejectedCode));
        if (redisPort is { } port)
        {
            Require.Port(port, nameof(redisPort));
        }

        if (redisPassword is not null && !GatewayRequire.IsVariable(redisPassword))
        {
            throw new ArgumentException("The Redis password must be a ${VAR} that init.sh reads at run time, such as Env.Var(\"REDIS_PASSWORD\"): a literal would be written into the script.", nameof(redisPassword));
        }

        var clusterNodes = (redisClusterNodes ?? Array.Empty<string>()).ToValueList();
        switch (policy)
        {
            case RateLimitPolicy.Local when redisHost is not null || redisPort is not null || redisPassword is not null || !clusterNodes.IsEmpty || redisClusterName is not null:
                throw new ArgumentException("Policy local keeps counters in memory: drop the Redis settings, or use RateLimitPolicy.Redis.", nameof(policy));
            case RateLimitPolicy.Redis:
                if (redisHost is null)
                {
                    throw new ArgumentException("Policy redis needs redisHost, such as \"redis\".", nameof(redisHost));
                }

                GatewayRequire.Token(redisHost, "The Redis host of policy redis", nameof(redisHost));
                if (!clusterNodes.IsEmpty || redisClusterName is not null)
                {
                    throw new ArgumentException("Cluster nodes belong to RateLimitPolicy.RedisCluster.", nameof(redisClusterNodes));
                }

                break;
            case RateLimitPolicy.RedisCluster:
                if (clusterNodes.IsEmpty)
                {
                    throw new ArgumentException("Policy redis-cluster needs redisClusterNodes, such as \"redis-1:6379\".", nameof(redisClusterNodes));
                }

                foreach (var node in clusterNodes)
                {
                    GatewayRequire.Token(node, "A Redis cluster node", nameof(redisClusterNodes));
                }

                Require.NotEmpty(redisClusterName, "The Redis cluster name of policy redis-cluster", nameof(redisClusterName));
                if (redisHost is not null || redisPort is not null)
                {
                    throw new ArgumentException("Policy redis-cluster uses redisClusterNodes, not redisHost/redisPort.", nameof(redisHost));
                }

                break;
        }

        return SetPlugin("LimitCount", new LimitCountSpec(count, timeWindow)
        {
            Key = key,
            KeyType = keyType,
            RejectedCode = rejectedCode,
            Policy = policy,
            AllowDegradation = allowDegradation,
            RedisHost = redisHost,
            RedisPort = redisPort,
            RedisPassword = redisPassword,
            RedisClusterNodes = clusterNodes,
            RedisClusterName = redisClusterName,
        });
    }

    /// <summary>See <see cref="IGlobalRuleBuilder.LimitConn"/>.</summary>
    public TSelf LimitConn(int conn, int burst, double defaultConnDelay, string key = "remote_addr", LimitKeyType keyType = LimitKeyType.Var, int rejectedCode = 503) =>
        SetPlugin("LimitConn", Plugins.LimitConn(conn, burst, defaultConnDelay, key, keyType, rejectedCode));

    /// <summary>Records <paramref name="plugin"/> under the key of <paramref name="call"/> and returns the builder.</summary>
    private protected abstract TSelf SetPlugin(string call, PluginSpec plugin);
}
