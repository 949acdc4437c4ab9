namespace Iklim.StackSdk.Model;

/// <summary>A top-level <c>networks</c> entry. Docker replaces such entries whole when an overlay names them (measured for every key, labels and driver options included).</summary>
public sealed record NetworkSpec(string Name)
{
    /// <summary><c>external</c>.</summary>
    public bool External { get; init; }

    /// <summary><c>driver</c> (overlay by default in Swarm).</summary>
    public string? Driver { get; init; }

    /// <summary><c>attachable</c>.</summary>
    public bool Attachable { get; init; }

    /// <summary><c>driver_opts</c>, such as <c>encrypted</c>.</summary>
    public ValueMap DriverOptions { get; init; }

    /// <summary><c>name</c>: the name in Docker when it differs from the key.</summary>
    public string? ExternalName { get; init; }

    /// <summary><c>internal</c>: no route out of the network.</summary>
    public bool Internal { get; init; }

    /// <summary><c>labels</c> of the network object.</summary>
    public ValueMap Labels { get; init; }

    /// <summary><c>ipam.driver</c>.</summary>
    public string? IpamDriver { get; init; }

    /// <summary>
    /// <c>ipam.config[].subnet</c>, in order. Docker's stack loader accepts nothing else under <c>ipam</c>
    /// (no <c>ip_range</c>, <c>gateway</c>, <c>aux_addresses</c> or <c>options</c>): Swarm picks the gateway itself.
    /// </summary>
    public ValueList<string> Subnets { get; init; }
}

/// <summary>A top-level <c>volumes</c> entry.</summary>
public sealed record VolumeSpec(string Name)
{
    /// <summary><c>external</c>.</summary>
    public bool External { get; init; }

    /// <summary><c>driver</c>.</summary>
    public string? Driver { get; init; }

    /// <summary><c>driver_opts</c>.</summary>
    public ValueMap DriverOptions { get; init; }

    /// <summary><c>name</c>: the name in Docker when it differs from the key.</summary>
    public string? ExternalName { get; init; }

    /// <summary><c>labels</c> of the volume.</summary>
    public ValueMap Labels { get; init; }
}

/// <summary>A top-level <c>secrets</c> or <c>configs</c> entry.</summary>
public sealed record FileResourceSpec(string Name)
{
    /// <summary><c>external</c>: created out of band (<c>docker secret create</c>).</summary>
    public bool External { get; init; }

    /// <summary><c>file</c>: read from this path at deploy time.</summary>
    public string? File { get; init; }

    /// <summary><c>name</c>: the name in Docker when it differs from the key.</summary>
    public string? ExternalName { get; init; }

    /// <summary><c>driver</c> (secrets only): the secret store plugin that supplies the value; Swarm then reads no file.</summary>
    public string? Driver { get; init; }

    /// <summary><c>driver_opts</c> (secrets only): options passed to <see cref="Driver"/>, written into the stack file as they are.</summary>
    public ValueMap DriverOptions { get; init; }

    /// <summary><c>template_driver</c>: <c>golang</c> makes Swarm expand <c>{{ .Service.Name }}</c> and the like in the content per task.</summary>
    public string? TemplateDriver { get; init; }

    /// <summary><c>labels</c> of the secret or config object.</summary>
    public ValueMap Labels { get; init; }

    /// <summary>
    /// True for an entry whose <see cref="File"/> this build writes itself (a gateway's config.yaml), named relative to
    /// the deploy folder already; false for a file the stack's author names, which is relative to the stack project.
    /// Set only where the build generates the entry, so a user's own entry of the same name and path is the user's.
    /// </summary>
    internal bool WrittenByBuild { get; init; }
}

/// <summary>A node of the profile's inventory: what the placement rules check constraints against. Never emitted.</summary>
public sealed record NodeSpec(string Hostname)
{
    /// <summary>The node's labels (<c>docker node update --label-add</c>).</summary>
    public ValueMap Labels { get; init; }

    /// <summary>The node's role.</summary>
    public NodeRole Role { get; init; }
}
