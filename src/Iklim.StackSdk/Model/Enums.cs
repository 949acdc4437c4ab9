namespace Iklim.StackSdk;

/// <summary><c>deploy.mode</c>.</summary>
public enum ServiceMode
{
    /// <summary><c>replicated</c>: a fixed number of tasks.</summary>
    Replicated,

    /// <summary><c>global</c>: one task on every eligible node.</summary>
    Global,

    /// <summary><c>replicated-job</c>: tasks that run to completion, <c>replicas</c> of them.</summary>
    ReplicatedJob,

    /// <summary><c>global-job</c>: one task that runs to completion on every eligible node.</summary>
    GlobalJob,
}

/// <summary><c>deploy.endpoint_mode</c>.</summary>
public enum EndpointMode
{
    /// <summary><c>vip</c>: one virtual IP in front of the tasks.</summary>
    Vip,

    /// <summary><c>dnsrr</c>: DNS round-robin over the task IPs.</summary>
    Dnsrr,
}

/// <summary><c>update_config.order</c> / <c>rollback_config.order</c>.</summary>
public enum UpdateOrder
{
    /// <summary><c>stop-first</c>: the old task stops before the new one starts.</summary>
    StopFirst,

    /// <summary><c>start-first</c>: the new task starts next to the old one, which needs a free slot.</summary>
    StartFirst,
}

/// <summary><c>update_config.failure_action</c>.</summary>
public enum FailureAction
{
    /// <summary><c>pause</c>.</summary>
    Pause,

    /// <summary><c>continue</c>.</summary>
    Continue,

    /// <summary><c>rollback</c>.</summary>
    Rollback,
}

/// <summary><c>restart_policy.condition</c>.</summary>
public enum RestartCondition
{
    /// <summary><c>none</c>.</summary>
    None,

    /// <summary><c>on-failure</c>.</summary>
    OnFailure,

    /// <summary><c>any</c>.</summary>
    Any,
}

/// <summary>A port's protocol.</summary>
public enum PortProtocol
{
    /// <summary><c>tcp</c>.</summary>
    Tcp,

    /// <summary><c>udp</c>.</summary>
    Udp,
}

/// <summary>A port's publish mode.</summary>
public enum PortMode
{
    /// <summary><c>ingress</c>: the routing mesh publishes it on every node.</summary>
    Ingress,

    /// <summary><c>host</c>: published only on the node running the task.</summary>
    Host,
}

/// <summary>A node's Swarm role.</summary>
public enum NodeRole
{
    /// <summary>A worker node.</summary>
    Worker,

    /// <summary>A manager node.</summary>
    Manager,
}

/// <summary>The <c>type</c> of a mount written in long syntax.</summary>
public enum MountType
{
    /// <summary><c>volume</c>: a named volume the stack declares.</summary>
    Volume,

    /// <summary><c>bind</c>: a path on the node.</summary>
    Bind,

    /// <summary><c>tmpfs</c>: memory of the node, gone when the task stops.</summary>
    Tmpfs,

    /// <summary><c>cluster</c>: a Swarm cluster (CSI) volume, or any free volume of a volume group (<c>group:&lt;name&gt;</c>).</summary>
    Cluster,

    /// <summary><c>npipe</c>: a named pipe of a Windows node (<c>\\.\pipe\docker_engine</c>); a Linux engine rejects the task.</summary>
    Npipe,
}

/// <summary><c>bind.propagation</c>: whether mounts made below a bind mount show on the other side (Linux's mount propagation).</summary>
public enum BindPropagation
{
    /// <summary><c>rprivate</c>, Docker's default: nothing propagates, recursively.</summary>
    Rprivate,

    /// <summary><c>private</c>: nothing propagates.</summary>
    Private,

    /// <summary><c>rshared</c>: mounts propagate both ways, recursively.</summary>
    Rshared,

    /// <summary><c>shared</c>: mounts propagate both ways.</summary>
    Shared,

    /// <summary><c>rslave</c>: the node's mounts reach the container, not the other way, recursively.</summary>
    Rslave,

    /// <summary><c>slave</c>: the node's mounts reach the container, not the other way.</summary>
    Slave,
}

/// <summary>
/// <c>isolation</c>: how a Windows node isolates the container. Windows only: a Linux engine knows namespaces alone and
/// refuses any value but <see cref="Default"/>.
/// </summary>
public enum Isolation
{
    /// <summary><c>default</c>: the engine's own setting (<c>dockerd --exec-opt isolation=...</c>; on Windows Server, process).</summary>
    Default,

    /// <summary><c>process</c>: the container shares the node's kernel (Windows Server containers).</summary>
    Process,

    /// <summary><c>hyperv</c>: the container runs in its own Hyper-V utility VM.</summary>
    HyperV,
}
