namespace Iklim.StackSdk.Model;

/// <summary>
/// One service as a compose file states it. Every member is optional: in the base a null means
/// "not set", in a profile it means "not changed". The same shape on both sides is what lets
/// <see cref="Merging.DockerMerge"/> combine them exactly as <c>docker stack config -c base -c overlay</c> does.
/// </summary>
public sealed record ServiceSpec(string Name)
{
    /// <summary><c>image</c>.</summary>
    public string? Image { get; init; }

    /// <summary><c>hostname</c>; may hold a Swarm template such as <c>{{.Node.Hostname}}</c>.</summary>
    public string? Hostname { get; init; }

    /// <summary><c>command</c> in exec form; null when unset.</summary>
    public ValueList<string>? Command { get; init; }

    /// <summary><c>entrypoint</c> in exec form; null when unset.</summary>
    public ValueList<string>? Entrypoint { get; init; }

    /// <summary><c>user</c>.</summary>
    public string? User { get; init; }

    /// <summary><c>working_dir</c>.</summary>
    public string? WorkingDir { get; init; }

    /// <summary><c>stop_grace_period</c> (Go duration).</summary>
    public string? StopGracePeriod { get; init; }

    /// <summary><c>environment</c>, merged by key.</summary>
    public ValueMap Environment { get; init; }

    /// <summary>
    /// <c>env_file</c> paths as written in C# (a relative one relative to the stack project), each once, in order;
    /// Docker appends an overlay's to the base's. The model never holds what the files say.
    /// </summary>
    public ValueList<string> EnvFiles { get; init; }

    /// <summary>Container <c>labels</c>, merged by key.</summary>
    public ValueMap Labels { get; init; }

    /// <summary><c>networks</c> with their per-network settings.</summary>
    public ValueList<ServiceNetwork> Networks { get; init; }

    /// <summary><c>ports</c>.</summary>
    public ValueList<PortSpec> Ports { get; init; }

    /// <summary><c>volumes</c> (named volumes and bind mounts).</summary>
    public ValueList<MountSpec> Volumes { get; init; }

    /// <summary><c>secrets</c>.</summary>
    public ValueList<FileReference> Secrets { get; init; }

    /// <summary><c>configs</c>.</summary>
    public ValueList<FileReference> Configs { get; init; }

    /// <summary><c>healthcheck</c>.</summary>
    public HealthcheckSpec? Healthcheck { get; init; }

    /// <summary><c>logging</c>.</summary>
    public LoggingSpec? Logging { get; init; }

    /// <summary><c>deploy.mode</c>.</summary>
    public ServiceMode? Mode { get; init; }

    /// <summary><c>deploy.replicas</c>.</summary>
    public int? Replicas { get; init; }

    /// <summary><c>deploy.endpoint_mode</c>.</summary>
    public EndpointMode? EndpointMode { get; init; }

    /// <summary><c>deploy.labels</c>, merged by key.</summary>
    public ValueMap DeployLabels { get; init; }

    /// <summary><c>deploy.placement.constraints</c>; Docker appends an overlay's list to the base's.</summary>
    public ValueList<string> Constraints { get; init; }

    /// <summary><c>deploy.placement.preferences</c> as spread descriptors; appended like constraints.</summary>
    public ValueList<string> Spread { get; init; }

    /// <summary><c>deploy.placement.max_replicas_per_node</c>.</summary>
    public int? MaxReplicasPerNode { get; init; }

    /// <summary><c>deploy.restart_policy</c>.</summary>
    public RestartPolicySpec? RestartPolicy { get; init; }

    /// <summary><c>deploy.update_config</c>.</summary>
    public UpdateConfigSpec? UpdateConfig { get; init; }

    /// <summary><c>deploy.rollback_config</c>.</summary>
    public UpdateConfigSpec? RollbackConfig { get; init; }

    /// <summary><c>deploy.resources</c>.</summary>
    public ResourcesSpec? Resources { get; init; }

    /// <summary><c>extra_hosts</c> as <c>hostname:address</c>; Docker appends an overlay's to the base's.</summary>
    public ValueList<string> ExtraHosts { get; init; }

    /// <summary><c>dns</c> name servers; appended in overlays.</summary>
    public ValueList<string> Dns { get; init; }

    /// <summary><c>dns_search</c> domains; appended in overlays.</summary>
    public ValueList<string> DnsSearch { get; init; }

    /// <summary><c>cap_add</c>; appended in overlays.</summary>
    public ValueList<string> CapAdd { get; init; }

    /// <summary><c>cap_drop</c>; appended in overlays.</summary>
    public ValueList<string> CapDrop { get; init; }

    /// <summary><c>sysctls</c>, merged by key.</summary>
    public ValueMap Sysctls { get; init; }

    /// <summary><c>ulimits</c>; an overlay's entry replaces the base's of the same name whole.</summary>
    public ValueList<UlimitSpec> Ulimits { get; init; }

    /// <summary><c>init: true</c>; an overlay cannot switch it off again (Docker ignores an overlay's false).</summary>
    public bool? Init { get; init; }

    /// <summary><c>read_only: true</c>: the container's root filesystem is read-only.</summary>
    public bool? ReadOnly { get; init; }

    /// <summary><c>tty: true</c>.</summary>
    public bool? Tty { get; init; }

    /// <summary><c>stdin_open: true</c>.</summary>
    public bool? StdinOpen { get; init; }

    /// <summary><c>stop_signal</c>.</summary>
    public string? StopSignal { get; init; }

    /// <summary><c>isolation</c> (Windows nodes only).</summary>
    public Isolation? Isolation { get; init; }

    /// <summary><c>credential_spec</c> (Windows gMSA only).</summary>
    public CredentialSpec? CredentialSpec { get; init; }

    /// <summary>Policy metadata, never emitted: the service keeps state that replicas must not share a node with.</summary>
    public bool? Stateful { get; init; }

    /// <summary>Policy metadata, never emitted: the service must never run more than one task.</summary>
    public bool? Singleton { get; init; }

    /// <summary>What a profile asked to take away from the base. Docker's merge cannot do it, so these only ever produce IKS0004.</summary>
    public ValueList<RemovalRequest> Removals { get; init; }
}
