namespace Iklim.StackSdk;

/// <summary>An APISIX upstream's load balancer (<c>type</c>).</summary>
public enum UpstreamBalancer
{
    /// <summary><c>roundrobin</c>: weighted round robin over the nodes.</summary>
    RoundRobin,

    /// <summary><c>chash</c>: consistent hashing on a key, so one client keeps reaching one node.</summary>
    Chash,

    /// <summary><c>ewma</c>: the node with the lowest latency.</summary>
    Ewma,

    /// <summary><c>least_conn</c>: the node with the fewest connections.</summary>
    LeastConn,
}

/// <summary>Where APISIX's <c>limit-count</c> keeps its counters (<c>policy</c>).</summary>
public enum RateLimitPolicy
{
    /// <summary><c>local</c>: in each APISIX instance's memory; with n replicas the effective limit is n × count.</summary>
    Local,

    /// <summary><c>redis</c>: in one Redis shared by all instances.</summary>
    Redis,

    /// <summary><c>redis-cluster</c>: in a Redis Cluster shared by all instances.</summary>
    RedisCluster,
}

/// <summary>How a rate-limit plugin reads its <c>key</c> (<c>key_type</c>).</summary>
public enum LimitKeyType
{
    /// <summary><c>var</c>: one NGINX variable, such as <c>remote_addr</c>.</summary>
    Var,

    /// <summary><c>var_combination</c>: several variables, such as <c>$remote_addr $consumer_name</c>.</summary>
    VarCombination,

    /// <summary><c>constant</c>: one counter for everybody.</summary>
    Constant,
}
