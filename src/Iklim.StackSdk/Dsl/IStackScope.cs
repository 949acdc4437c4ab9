using System;

namespace Iklim.StackSdk;

/// <summary>What the base stack and a profile can both declare.</summary>
public interface IStackScope
{
    /// <summary>Declares a service (in a profile: changes or adds it).</summary>
    /// <example><code>stack.Service("redis").Image("redis:7.2-alpine").Replicas(1);</code></example>
    IServiceBuilder Service(string name);

    /// <summary>Declares a top-level network.</summary>
    /// <example><code>stack.Network("iklimco-net").External();</code></example>
    INetworkBuilder Network(string name);

    /// <summary>Declares a top-level named volume.</summary>
    /// <example><code>stack.Volume("grafana-vl");</code></example>
    IVolumeBuilder Volume(string name);

    /// <summary>Declares a top-level secret.</summary>
    /// <example><code>prod.Secret("redis_password").External();</code></example>
    IFileResourceBuilder Secret(string name);

    /// <summary>Declares a top-level config.</summary>
    /// <example><code>stack.Config("apisix_config").File("./config/apisix/config.yaml");</code></example>
    IFileResourceBuilder Config(string name);

    /// <summary>Adds a node to this scope's inventory, used only by placement rules.</summary>
    /// <example><code>stack.Node("iklim-app-01").Label("type", "service");</code></example>
    INodeBuilder Node(string hostname);

    /// <summary>
    /// Marks the service <paramref name="service"/> as an APISIX gateway and configures it; the build writes its
    /// <c>init/&lt;service&gt;-core/init.sh</c> and <c>config/&lt;service&gt;/config.yaml</c> and mounts the config.
    /// In a profile: changes the base's gateway.
    /// </summary>
    /// <example><code>stack.Gateway("apisix").Route("ws", r => r.Uri("/ws").Upstream("rabbitmq-upstream"));</code></example>
    IGatewayBuilder Gateway(string service);
}

/// <summary>The base stack: everything the test environment deploys, plus the profiles.</summary>
public interface IStackBuilder : IStackScope
{
    /// <summary>Declares a profile whose changes become the overlay <c>&lt;base&gt;.&lt;name&gt;.yml</c>.</summary>
    /// <example><code>stack.Profile("prod", prod => prod.Service("apisix").Replicas(3));</code></example>
    IStackBuilder Profile(string name, Action<IProfileBuilder> configure);
}

/// <summary>A profile: changes on top of the base, merged by Docker's rules.</summary>
public interface IProfileBuilder : IStackScope
{
}
