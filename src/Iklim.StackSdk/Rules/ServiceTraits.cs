using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Rules;

/// <summary>What the rules infer about a service from its image and mounts.</summary>
internal static class ServiceTraits
{
    // Servers that keep data of their own; bitnami's names (postgresql, mongodb) included.
    private static readonly string[] StatefulImages =
    {
        "redis", "redis-sentinel", "redis-cluster", "rabbitmq", "vault", "etcd", "postgres", "postgresql", "postgresql-repmgr",
        "mongo", "mongodb", "mongodb-sharded", "consul", "zookeeper", "kafka", "cp-kafka", "cp-zookeeper",
    };

    // Members agree by majority vote (Raft, Zab, RabbitMQ quorum queues): an even count buys no extra fault tolerance.
    private static readonly string[] MajorityClusterImages = { "vault", "etcd", "consul", "zookeeper", "cp-zookeeper", "rabbitmq" };

    /// <summary>The variables that set a Sentinel's quorum: bitnami's name first; other sentinel images read SENTINEL_QUORUM.</summary>
    public static readonly string[] SentinelQuorumVariables = { "REDIS_SENTINEL_QUORUM", "SENTINEL_QUORUM" };

    private static readonly string[] DockerSockets = { "/var/run/docker.sock", "/run/docker.sock" };

    /// <summary>
    /// The repository's last path segment, without registry, tag or digest: <c>bitnami/redis:7.4</c> gives <c>redis</c>.
    /// </summary>
    public static string ImageName(string image)
    {
        // One substring: the rules ask this of every service in every scope.
        var end = image.IndexOf('@');
        end = end < 0 ? image.Length : end;
        var start = end == 0 ? 0 : image.LastIndexOf('/', end - 1) + 1;
        var colon = image.IndexOf(':', start, end - start);
        return image.Substring(start, (colon < 0 ? end : colon) - start);
    }

    /// <summary>True when the service runs a well-known stateful server (redis, rabbitmq, vault, etcd, postgres, ...).</summary>
    public static bool HasStatefulImage(ServiceSpec service) =>
        service.Image is { } image && StatefulImages.Contains(ImageName(image), StringComparer.Ordinal);

    /// <summary>The kind of majority cluster the image forms (<c>Raft</c>, <c>RabbitMQ</c>, ...), or null.</summary>
    public static string? MajorityCluster(ServiceSpec service)
    {
        var name = service.Image is { } image ? ImageName(image) : null;
        if (name is null || !MajorityClusterImages.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        return name switch
        {
            "rabbitmq" => "RabbitMQ",
            "zookeeper" or "cp-zookeeper" => "ZooKeeper",
            _ => "Raft",
        };
    }

    /// <summary>
    /// The kind of quorum cluster the service forms: <c>Redis Sentinel</c> (by image or a quorum variable), else
    /// <see cref="MajorityCluster"/>; null for a service that decides nothing by vote.
    /// </summary>
    public static string? QuorumCluster(ServiceSpec service) =>
        (service.Image is { } image && ImageName(image) == "redis-sentinel") || SetsAny(service.Environment, SentinelQuorumVariables)
            ? "Redis Sentinel"
            : MajorityCluster(service);

    private static bool SetsAny(ValueMap environment, string[] variables)
    {
        foreach (var variable in variables)
        {
            if (environment.ContainsKey(variable))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first mount that holds writable state: a writable named volume, bind mount or cluster (CSI) mount, whose
    /// sharing mode is set at <c>docker volume create</c>, out of the stack's sight. Read-only mounts
    /// (certificates, configuration), a tmpfs (gone with the task), a named pipe and the Docker socket carry no state of the service.
    /// </summary>
    public static MountSpec? StateMount(ServiceSpec service) => StateMounts(service).FirstOrDefault();

    /// <summary>Every mount of <paramref name="service"/> that holds writable state, in declaration order; see <see cref="StateMount"/>.</summary>
    public static IEnumerable<MountSpec> StateMounts(ServiceSpec service) =>
        service.Volumes.Where(v => !v.ReadOnly && v.Type != MountType.Tmpfs && v.Type != MountType.Npipe && !DockerSockets.Contains(v.Source, StringComparer.Ordinal));
}
