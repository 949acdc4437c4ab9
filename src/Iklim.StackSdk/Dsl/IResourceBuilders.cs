namespace Iklim.StackSdk;

/// <summary>Configures a top-level network.</summary>
public interface INetworkBuilder
{
    /// <summary>The network is created outside the stack (<c>external: true</c>).</summary>
    /// <example><code>stack.Network("iklimco-net").External();</code></example>
    INetworkBuilder External();

    /// <summary>Sets the driver.</summary>
    /// <example><code>stack.Network("backend").Driver("overlay");</code></example>
    INetworkBuilder Driver(string driver);

    /// <summary>Lets standalone containers attach (<c>attachable: true</c>).</summary>
    /// <example><code>stack.Network("backend").Attachable();</code></example>
    INetworkBuilder Attachable();

    /// <summary>Sets one driver option (<c>driver_opts</c>), such as <c>encrypted</c> for an overlay network whose traffic IPsec encrypts.</summary>
    /// <example><code>stack.Network("backend").Driver("overlay").DriverOption("encrypted", "true");</code></example>
    INetworkBuilder DriverOption(string name, string value);

    /// <summary>The network's real name in Docker (<c>name:</c>).</summary>
    /// <example><code>stack.Network("net").External().Named("iklimco-net");</code></example>
    INetworkBuilder Named(string dockerName);

    /// <summary>Cuts the network off from the outside (<c>internal: true</c>): its services reach only each other.</summary>
    /// <example><code>stack.Network("db").Driver("overlay").Internal();</code></example>
    INetworkBuilder Internal();

    /// <summary>Sets one label of the network object (<c>labels</c>).</summary>
    /// <example><code>stack.Network("backend").Label("com.example.team", "platform");</code></example>
    INetworkBuilder Label(string name, string value);

    /// <summary>Sets the IPAM driver (<c>ipam.driver</c>).</summary>
    /// <example><code>stack.Network("backend").IpamDriver("default");</code></example>
    INetworkBuilder IpamDriver(string driver);

    /// <summary>
    /// Adds a subnet (<c>ipam.config[].subnet</c>) in CIDR notation. Swarm chooses the gateway and the address range
    /// itself: Docker's stack loader refuses <c>gateway</c>, <c>ip_range</c>, <c>aux_addresses</c> and <c>ipam.options</c>.
    /// </summary>
    /// <example><code>stack.Network("backend").Subnet("10.20.0.0/24");</code></example>
    INetworkBuilder Subnet(string cidr);
}

/// <summary>Configures a top-level named volume.</summary>
public interface IVolumeBuilder
{
    /// <summary>The volume is created outside the stack.</summary>
    /// <example><code>stack.Volume("data").External();</code></example>
    IVolumeBuilder External();

    /// <summary>Sets the driver.</summary>
    /// <example><code>stack.Volume("data").Driver("local");</code></example>
    IVolumeBuilder Driver(string driver);

    /// <summary>Sets one driver option.</summary>
    /// <example><code>stack.Volume("data").DriverOption("type", "nfs");</code></example>
    IVolumeBuilder DriverOption(string name, string value);

    /// <summary>The volume's real name in Docker (<c>name:</c>).</summary>
    /// <example><code>stack.Volume("data").Named("shared-data");</code></example>
    IVolumeBuilder Named(string dockerName);

    /// <summary>Sets one label of the volume (<c>labels</c>). Docker refuses labels on an external volume.</summary>
    /// <example><code>stack.Volume("data").Label("com.example.backup", "daily");</code></example>
    IVolumeBuilder Label(string name, string value);
}

/// <summary>Configures a top-level secret or config.</summary>
public interface IFileResourceBuilder
{
    /// <summary>Created out of band (<c>docker secret create</c>); the build never sees its value.</summary>
    /// <example><code>prod.Secret("rabbitmq_erlang_cookie").External();</code></example>
    IFileResourceBuilder External();

    /// <summary>
    /// Read from this file at deploy time. A relative path is relative to the stack project's folder; the build writes
    /// it relative to the deploy folder, and a file that does not exist when the project builds is an error (IKS0906).
    /// </summary>
    /// <example><code>stack.Config("caddyfile").File("./caddy/Caddyfile");</code></example>
    IFileResourceBuilder File(string path);

    /// <summary>The real name in Docker (<c>name:</c>).</summary>
    /// <example><code>stack.Secret("cookie").External().Named("rabbitmq_erlang_cookie_v2");</code></example>
    IFileResourceBuilder Named(string dockerName);

    /// <summary>
    /// Sets the template driver (<c>template_driver</c>): with <c>golang</c>, Swarm expands placeholders such as
    /// <c>{{ .Service.Name }}</c> in the content for each task.
    /// </summary>
    /// <example><code>stack.Config("app_config").File("./config/app.conf").TemplateDriver("golang");</code></example>
    IFileResourceBuilder TemplateDriver(string driver);

    /// <summary>
    /// The secret driver plugin that supplies the secret's value (<c>driver</c>): Swarm creates the secret empty and asks
    /// the plugin for the value when a task needs it. Secrets only (Docker has no config drivers); not beside
    /// <see cref="File"/> (Docker refuses the pair) nor <see cref="External"/> (Swarm would ignore the driver).
    /// </summary>
    /// <example><code>stack.Secret("db_password").Driver("vault-secrets");</code></example>
    IFileResourceBuilder Driver(string driver);

    /// <summary>
    /// Sets one option of the secret's <see cref="Driver"/> (<c>driver_opts</c>), after <see cref="Driver"/> in the same
    /// chain. The value is written into the stack file: it is configuration for the plugin, never the secret itself.
    /// </summary>
    /// <example><code>stack.Secret("db_password").Driver("vault-secrets").DriverOption("path", "secret/data/db");</code></example>
    IFileResourceBuilder DriverOption(string name, string value);

    /// <summary>Sets one label of the secret or config object (<c>labels</c>).</summary>
    /// <example><code>stack.Secret("db_password").File("./secrets/db_password").Label("com.example.rotate", "90d");</code></example>
    IFileResourceBuilder Label(string name, string value);
}

/// <summary>Configures a node of the inventory.</summary>
public interface INodeBuilder
{
    /// <summary>A node label that placement constraints can match (<c>node.labels.type == service</c>).</summary>
    /// <example><code>stack.Node("iklim-app-01").Label("type", "service");</code></example>
    INodeBuilder Label(string name, string value);

    /// <summary>The node's Swarm role (<c>node.role == manager</c>).</summary>
    /// <example><code>stack.Node("iklim-app-01").Role(NodeRole.Manager);</code></example>
    INodeBuilder Role(NodeRole role);
}
