using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Building;

internal sealed class NetworkBuilder : INetworkBuilder
{
    private readonly ScopeBuilder _scope;

    public NetworkBuilder(ScopeBuilder scope, string name)
    {
        _scope = scope;
        Spec = new NetworkSpec(name);
    }

    public string Name => Spec.Name;

    public NetworkSpec Spec { get; private set; }

    public INetworkBuilder External() => Set("External", Spec with { External = true });

    public INetworkBuilder Driver(string driver) => Set("Driver", Spec with { Driver = Require.NotEmpty(driver, "A driver", nameof(driver)) });

    public INetworkBuilder Attachable() => Set("Attachable", Spec with { Attachable = true });

    public INetworkBuilder DriverOption(string name, string value)
    {
        Require.NotEmpty(name, "A driver option name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set("DriverOption:" + name, Spec with { DriverOptions = Spec.DriverOptions.Set(name, value) });
    }

    public INetworkBuilder Named(string dockerName) => Set("Named", Spec with { ExternalName = Require.ObjectName(dockerName, "network", nameof(dockerName)) });

    public INetworkBuilder Internal() => Set("Internal", Spec with { Internal = true });

    public INetworkBuilder Label(string name, string value)
    {
        Require.NotEmpty(name, "A label name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set("Label:" + name, Spec with { Labels = Spec.Labels.Set(name, value) });
    }

    public INetworkBuilder IpamDriver(string driver) => Set("IpamDriver", Spec with { IpamDriver = Require.NotEmpty(driver, "An IPAM driver", nameof(driver)) });

    public INetworkBuilder Subnet(string cidr)
    {
        Require.Subnet(cidr, nameof(cidr));
        return Set("Subnet:" + cidr, Spec with { Subnets = Spec.Subnets.Contains(cidr) ? Spec.Subnets : Spec.Subnets.Add(cidr) });
    }

    private INetworkBuilder Set(string key, NetworkSpec spec)
    {
        var changed = !spec.Equals(Spec);
        Spec = spec;
        _scope.Record("network", Name, key, changed);
        return this;
    }
}

internal sealed class VolumeBuilder : IVolumeBuilder
{
    private readonly ScopeBuilder _scope;

    public VolumeBuilder(ScopeBuilder scope, string name)
    {
        _scope = scope;
        Spec = new VolumeSpec(name);
    }

    public string Name => Spec.Name;

    public VolumeSpec Spec { get; private set; }

    public IVolumeBuilder External() => Set("External", NoLabelsIfExternal(Spec with { External = true }));

    public IVolumeBuilder Driver(string driver) => Set("Driver", Spec with { Driver = Require.NotEmpty(driver, "A driver", nameof(driver)) });

    public IVolumeBuilder DriverOption(string name, string value)
    {
        Require.NotEmpty(name, "A driver option name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set("DriverOption:" + name, Spec with { DriverOptions = Spec.DriverOptions.Set(name, value) });
    }

    public IVolumeBuilder Named(string dockerName) => Set("Named", Spec with { ExternalName = Require.ObjectName(dockerName, "volume", nameof(dockerName)) });

    public IVolumeBuilder Label(string name, string value)
    {
        Require.NotEmpty(name, "A label name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set("Label:" + name, NoLabelsIfExternal(Spec with { Labels = Spec.Labels.Set(name, value) }));
    }

    // Docker refuses the file ("conflicting parameters \"external\" and \"labels\""): an external volume is not the stack's to label.
    private static VolumeSpec NoLabelsIfExternal(VolumeSpec spec) =>
        spec.External && !spec.Labels.IsEmpty
            ? throw new System.ArgumentException($"The volume '{spec.Name}' is external and has labels; Docker refuses labels on an external volume. Label it where it is created, or drop External().")
            : spec;

    private IVolumeBuilder Set(string key, VolumeSpec spec)
    {
        var changed = !spec.Equals(Spec);
        Spec = spec;
        _scope.Record("volume", Name, key, changed);
        return this;
    }
}

internal sealed class FileResourceBuilder : IFileResourceBuilder
{
    private readonly ScopeBuilder _scope;
    private readonly string _kind;

    public FileResourceBuilder(ScopeBuilder scope, string kind, string name)
    {
        _scope = scope;
        _kind = kind;
        Spec = new FileResourceSpec(name);
    }

    public string Name => Spec.Name;

    public FileResourceSpec Spec { get; private set; }

    public IFileResourceBuilder External() => Set("External", WithoutDriverConflict(Spec with { External = true }, null));

    public IFileResourceBuilder File(string path) => Set("File", WithoutDriverConflict(Spec with { File = Require.NotEmpty(path, "A file path", nameof(path)) }, nameof(path)));

    public IFileResourceBuilder Named(string dockerName) => Set("Named", Spec with { ExternalName = Require.ObjectName(dockerName, _kind, nameof(dockerName)) });

    public IFileResourceBuilder TemplateDriver(string driver) => Set("TemplateDriver", Spec with { TemplateDriver = Require.NotEmpty(driver, "A template driver", nameof(driver)) });

    public IFileResourceBuilder Driver(string driver)
    {
        Require.NotEmpty(driver, "A secret driver", nameof(driver));
        if (_kind != "secret")
        {
            throw Validation.Invalid.Argument($"The {_kind} '{Name}' cannot take a driver: Docker offers drivers for secrets only.", nameof(driver));
        }

        return Set("Driver", WithoutDriverConflict(Spec with { Driver = driver }, nameof(driver)));
    }

    public IFileResourceBuilder DriverOption(string name, string value)
    {
        Require.NotEmpty(name, "A driver option name", nameof(name));
        Require.NotNull(value, nameof(value));
        if (Spec.Driver is null)
        {
            // Without a driver Swarm drops the options and reads the secret from a file that is not there.
            throw Validation.Invalid.Argument($"The {_kind} '{Name}' has no driver for the option '{name}'; call Driver(...) first.", nameof(name));
        }

        return Set("DriverOption:" + name, Spec with { DriverOptions = Spec.DriverOptions.Set(name, value) });
    }

    public IFileResourceBuilder Label(string name, string value)
    {
        Require.NotEmpty(name, "A label name", nameof(name));
        Require.NotNull(value, nameof(value));
        return Set("Label:" + name, Spec with { Labels = Spec.Labels.Set(name, value) });
    }

    // Docker refuses a driver beside a file ("secret.driver and secret.file conflict"), and Swarm skips an external
    // secret whole, driver included: either pair would be a file that does not do what the C# says.
    private static FileResourceSpec WithoutDriverConflict(FileResourceSpec spec, string? parameter) => spec.Driver is null
        ? spec
        : spec.File is not null
            ? throw new System.ArgumentException($"The secret '{spec.Name}' has both a driver and a file; Docker refuses the pair. Keep one.", parameter)
            : spec.External
                ? throw new System.ArgumentException($"The secret '{spec.Name}' is external and has a driver; Swarm ignores the driver of an external secret. Drop one.", parameter)
                : spec;

    private IFileResourceBuilder Set(string key, FileResourceSpec spec)
    {
        var changed = !spec.Equals(Spec);
        Spec = spec;
        _scope.Record(_kind, Name, key, changed);
        return this;
    }
}

internal sealed class NodeBuilder : INodeBuilder
{
    private readonly ScopeBuilder _scope;

    public NodeBuilder(ScopeBuilder scope, string hostname)
    {
        _scope = scope;
        Spec = new NodeSpec(hostname);
    }

    public string Hostname => Spec.Hostname;

    public NodeSpec Spec { get; private set; }

    public INodeBuilder Label(string name, string value)
    {
        Require.NotEmpty(name, "A node label name", nameof(name));
        Require.NotNull(value, nameof(value));
        var before = Spec;
        Spec = Spec with { Labels = Spec.Labels.Set(name, value) };
        _scope.Record("node", Hostname, "Label:" + name, !Spec.Equals(before));
        return this;
    }

    public INodeBuilder Role(NodeRole role)
    {
        var before = Spec;
        Spec = Spec with { Role = role };
        _scope.Record("node", Hostname, "Role", !Spec.Equals(before));
        return this;
    }
}
