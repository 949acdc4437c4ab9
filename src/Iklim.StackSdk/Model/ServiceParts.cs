namespace Iklim.StackSdk.Model;

/// <summary>A service's attachment to a network, with its aliases on that network.</summary>
public sealed record ServiceNetwork(string Name, ValueList<string> Aliases)
{
    /// <summary><c>driver_opts</c> of this attachment. Docker ignores them in an overlay for a network the base attaches.</summary>
    public ValueMap DriverOptions { get; init; }
}

/// <summary>A published port. Docker merges ports by published port.</summary>
public sealed record PortSpec(int Target, int? Published, PortProtocol Protocol, PortMode Mode);

/// <summary>
/// A service mount. Without a long-only option it is written in short syntax (<c>source:target[:ro]</c>), where the
/// source may be a named volume, a host path, or an <c>${VAR:-fallback}</c> that Docker resolves at deploy time.
/// With one (<see cref="NoCopy"/>, <see cref="Propagation"/>, a tmpfs, a cluster volume) it is written in long syntax with its
/// <see cref="Type"/>. Docker merges mounts by target, an overlay's entry replacing the base's whole.
/// </summary>
public sealed record MountSpec(string Source, string Target, bool ReadOnly)
{
    /// <summary>The <c>type</c>: set exactly when the mount needs long syntax, null for a short-syntax mount. A tmpfs has an empty <see cref="Source"/>; a cluster mount's source is a declared volume or <c>group:&lt;name&gt;</c>; an npipe mount's source and target are Windows pipe paths.</summary>
    public MountType? Type { get; init; }

    /// <summary><c>volume.nocopy</c>: the volume is not filled from the image's content at the target.</summary>
    public bool NoCopy { get; init; }

    /// <summary><c>bind.propagation</c> of a bind mount; null: Docker's default, <c>rprivate</c>.</summary>
    public BindPropagation? Propagation { get; init; }

    /// <summary><c>tmpfs.size</c> in bytes; null: no limit but the node's memory.</summary>
    public long? TmpfsSize { get; init; }
}

/// <summary>
/// A service's use of a secret or config, by source name, optionally mounted at a target: an absolute path, or a bare
/// file name (a secret then lands in <c>/run/secrets/</c>, a config in <c>/</c>). Docker replaces a reference whole
/// when an overlay names the same source.
/// </summary>
public sealed record FileReference(string Source, string? Target)
{
    /// <summary><c>uid</c> of the mounted file (Docker's default: 0).</summary>
    public string? Uid { get; init; }

    /// <summary><c>gid</c> of the mounted file (Docker's default: 0).</summary>
    public string? Gid { get; init; }

    /// <summary><c>mode</c> of the mounted file as a number (0440 octal is 288); Docker's default is 0444.</summary>
    public int? Mode { get; init; }
}

/// <summary><c>healthcheck</c> settings.</summary>
public sealed record HealthcheckSpec(ValueList<string> Test, string? Interval, string? Timeout, int? Retries, string? StartPeriod)
{
    /// <summary><c>start_interval</c>: how often to check during the start period (Go duration).</summary>
    public string? StartInterval { get; init; }

    /// <summary><c>disable: true</c>: no health check, not even the image's.</summary>
    public bool? Disabled { get; init; }
}

/// <summary><c>logging</c>: the driver (null: the engine's default) and its options.</summary>
public sealed record LoggingSpec(string? Driver, ValueMap Options);

/// <summary><c>deploy.restart_policy</c>.</summary>
public sealed record RestartPolicySpec(RestartCondition? Condition, string? Delay, int? MaxAttempts, string? Window);

/// <summary><c>deploy.update_config</c> or <c>deploy.rollback_config</c>.</summary>
public sealed record UpdateConfigSpec(int? Parallelism, string? Delay, FailureAction? FailureAction, string? Monitor, string? MaxFailureRatio, UpdateOrder? Order);

/// <summary><c>deploy.resources</c>: limits and reservations.</summary>
public sealed record ResourcesSpec(ResourceAmounts? Limits, ResourceAmounts? Reservations);

/// <summary>CPU and memory amounts, as compose writes them (<c>"0.5"</c>, <c>512M</c>).</summary>
public sealed record ResourceAmounts(string? Cpus, string? Memory)
{
    /// <summary><c>pids</c>: the most processes a task may run (limits only).</summary>
    public int? Pids { get; init; }

    /// <summary>
    /// <c>generic_resources</c> (reservations only): node-advertised resources a task needs, one entry per kind.
    /// Docker appends an overlay's list to the base's.
    /// </summary>
    public ValueList<GenericResourceSpec> GenericResources { get; init; }
}

/// <summary>
/// One <c>generic_resources</c> entry, a <c>discrete_resource_spec</c>: <paramref name="Value"/> units of the resource
/// <paramref name="Kind"/> that a node advertises (<c>dockerd --node-generic-resource gpu=2</c>).
/// </summary>
public sealed record GenericResourceSpec(string Kind, long Value);

/// <summary>A profile's request to remove something from the base; Docker's overlay merge cannot express it.</summary>
public sealed record RemovalRequest(string Key, string Item);

/// <summary>One <c>ulimits</c> entry: a soft and a hard limit (written as one number when they are equal).</summary>
public sealed record UlimitSpec(string Name, int Soft, int Hard);

/// <summary>
/// <c>credential_spec</c>: where a Windows container's gMSA credential spec comes from, exactly one of a stack config
/// (<paramref name="Config"/>), a file under the engine's <c>CredentialSpecs</c> folder (<paramref name="File"/>), or a
/// value under the node's <c>CredentialSpecs</c> registry key (<paramref name="Registry"/>). Docker merges an overlay's
/// block field by field, so an overlay naming another source than the base's leaves both set.
/// </summary>
public sealed record CredentialSpec(string? Config, string? File, string? Registry);
