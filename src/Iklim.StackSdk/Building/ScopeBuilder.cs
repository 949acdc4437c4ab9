using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Building;

/// <summary>
/// Records what one scope (the base or a profile) declares. Declaring the same element again continues the first
/// declaration, as helper-based code expects; a later call that changes a value an earlier call set in the same scope
/// is IKS0005, at that later call.
/// </summary>
internal class ScopeBuilder : IStackScope
{
    private readonly List<ServiceBuilder> _services = new();
    private readonly List<NetworkBuilder> _networks = new();
    private readonly List<VolumeBuilder> _volumes = new();
    private readonly List<FileResourceBuilder> _secrets = new();
    private readonly List<FileResourceBuilder> _configs = new();
    private readonly List<NodeBuilder> _nodes = new();
    private readonly List<GatewayBuilder> _gateways = new();

    // Every declaration of this scope by kind and name, so a stack of thousands of services declares in linear time.
    private readonly Dictionary<(string Kind, string Name), object> _declared = new();

    internal ScopeBuilder(string scope, BuildContext context)
    {
        Scope = scope;
        Context = context;
    }

    internal string Scope { get; }

    internal BuildContext Context { get; }

    public IServiceBuilder Service(string name) =>
        Declare(_services, "service", Require.ObjectName(name, "service", nameof(name)), n => new ServiceBuilder(this, n), s => s.Name);

    public INetworkBuilder Network(string name) =>
        Declare(_networks, "network", Require.ObjectName(name, "network", nameof(name)), n => new NetworkBuilder(this, n), s => s.Name);

    public IVolumeBuilder Volume(string name) =>
        Declare(_volumes, "volume", Require.ObjectName(name, "volume", nameof(name)), n => new VolumeBuilder(this, n), s => s.Name);

    public IFileResourceBuilder Secret(string name) =>
        Declare(_secrets, "secret", Require.ObjectName(name, "secret", nameof(name)), n => new FileResourceBuilder(this, "secret", n), s => s.Name);

    public IFileResourceBuilder Config(string name) =>
        Declare(_configs, "config", Require.ObjectName(name, "config", nameof(name)), n => new FileResourceBuilder(this, "config", n), s => s.Name);

    public INodeBuilder Node(string hostname) =>
        Declare(_nodes, "node", Require.NotEmpty(hostname, "A node hostname", nameof(hostname)), n => new NodeBuilder(this, n), s => s.Hostname);

    public IGatewayBuilder Gateway(string service) =>
        Declare(_gateways, "gateway", Require.ObjectName(service, "service", nameof(service)), n => new GatewayBuilder(this, n), g => g.Service);

    internal StackScope ToScope() => new()
    {
        Services = _services.Select(s => s.Spec).ToValueList(),
        Networks = _networks.Select(n => n.Spec).ToValueList(),
        Volumes = _volumes.Select(v => v.Spec).ToValueList(),
        Secrets = _secrets.Select(s => s.Spec).ToValueList(),
        Configs = _configs.Select(c => c.Spec).ToValueList(),
        Nodes = _nodes.Select(n => n.Spec).ToValueList(),
        Gateways = _gateways.Select(g => g.Spec).ToValueList(),
    };

    // Which settings a call of this scope has set, so a later call that changes one of them is told apart.
    private readonly HashSet<(string Kind, string Name, string Key)> _set = new();

    /// <summary>Records that a call set <paramref name="key"/>; <paramref name="changed"/> says whether it changed the element.</summary>
    internal void Record(string kind, string name, string key, bool changed)
    {
        if (!_set.Add((kind, name, key)) && changed)
        {
            var scopeText = Scope.Length == 0 ? "the base stack" : $"profile '{Scope}'";
            Context.Report(new Finding(
                InputRules.DuplicateDeclaration.Rule.Id,
                InputRules.DuplicateDeclaration.Rule.DefaultSeverity,
                InputRules.DuplicateDeclaration.Rule.Message(kind, name, key, scopeText),
                new SourceRef(Scope, kind, name, key)) { Origin = Context.CurrentOrigin });
        }

        // At runtime no call has an origin, and provenance keeps nothing: no reference to make.
        if (Context.CurrentOrigin is { } origin)
        {
            Context.Provenance.Record(new SourceRef(Scope, kind, name, key), origin);
        }
    }

    private TBuilder Declare<TBuilder>(List<TBuilder> list, string kind, string name, Func<string, TBuilder> create, Func<TBuilder, string> nameOf)
        where TBuilder : class
    {
        if (_declared.TryGetValue((kind, name), out var declared) && declared is TBuilder existing)
        {
            return existing;
        }

        if (Context.CurrentOrigin is { } origin)
        {
            Context.Provenance.RecordFirst(new SourceRef(Scope, kind, name, SourceRef.Declaration), origin);
        }

        var created = create(name);
        list.Add(created);
        _declared.Add((kind, name), created);
        return created;
    }
}

/// <summary>State shared by every scope of one stack build.</summary>
internal sealed class BuildContext
{
    private readonly IOriginTracker? _tracker;

    public BuildContext(IOriginTracker? tracker) => _tracker = tracker;

    public Provenance Provenance { get; } = new();

    public List<Finding> Findings { get; } = new();

    public object? CurrentOrigin => _tracker?.Current;

    public void Report(Finding finding) => Findings.Add(finding);
}
