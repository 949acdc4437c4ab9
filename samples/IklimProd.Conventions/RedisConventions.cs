using Iklim.StackSdk;

namespace IklimProd.Conventions;

/// <summary>How the Redis replicas and Sentinels of the platform find the master.</summary>
public static class RedisConventions
{
    /// <summary>The service name of the Redis master.</summary>
    public const string MasterHost = "redis";

    /// <summary>The variable that holds the Redis password at deploy time.</summary>
    public const string PasswordVariable = GatewayConventions.RedisPasswordVariable;

    /// <summary>Points a replica or Sentinel at the master; the password is read by Docker at deploy time.</summary>
    public static IServiceBuilder FollowsRedisMaster(this IServiceBuilder service) => service
        .Environment("REDIS_MASTER_HOST", MasterHost)
        .Environment("REDIS_MASTER_PORT_NUMBER", "6379")
        .Environment("REDIS_MASTER_PASSWORD", Env.Var(PasswordVariable));
}
