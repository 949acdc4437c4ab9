using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Building;

/// <summary>
/// The runtime implementation of the DSL. Run a definition's <c>Configure</c> against it, then
/// <see cref="Build"/> to get the model. The compile-time evaluator drives this same class, which is
/// what keeps the runtime and static models equal.
/// </summary>
/// <example><code>
/// var result = StackBuilder.Run(new InfraStack());
/// var files = StackArtefacts.Create(result.Model);
/// </code></example>
public sealed class StackBuilder : IStackBuilder
{
    private readonly List<ProfileBuilder> _profiles = new();
    private readonly BuildContext _context;
    private readonly ScopeBuilder _base;
    private readonly string _name;
    private readonly string _baseFile;

    /// <summary>Creates a builder for the stack <paramref name="name"/> written to <paramref name="baseFile"/>.</summary>
    public StackBuilder(string name, string baseFile, IOriginTracker? tracker = null)
    {
        _context = new BuildContext(tracker);
        _base = new ScopeBuilder(string.Empty, _context);
        _name = Require.ObjectName(name, "stack", nameof(name));
        _baseFile = Require.NotEmpty(baseFile, "The base file name", nameof(baseFile));
        if (_baseFile.IndexOfAny(new[] { '/', '\\' }) >= 0)
        {
            throw Validation.Invalid.Argument($"The base file '{baseFile}' must be a file name, not a path: artefacts go to the deploy folder.", nameof(baseFile));
        }
    }

    /// <summary>Runs <paramref name="definition"/> with the name and base file of its <see cref="StackAttribute"/>.</summary>
    public static StackBuildResult Run(IStackDefinition definition)
    {
        Require.NotNull(definition, nameof(definition));
        var attribute = definition.GetType().GetCustomAttribute<StackAttribute>()
            ?? throw Validation.Invalid.Argument($"{definition.GetType().Name} has no [Stack] attribute.", nameof(definition));
        var builder = new StackBuilder(attribute.Name, attribute.BaseFile);
        definition.Configure(builder);
        return builder.Build();
    }

    /// <inheritdoc />
    public IServiceBuilder Service(string name) => _base.Service(name);

    /// <inheritdoc />
    public INetworkBuilder Network(string name) => _base.Network(name);

    /// <inheritdoc />
    public IVolumeBuilder Volume(string name) => _base.Volume(name);

    /// <inheritdoc />
    public IFileResourceBuilder Secret(string name) => _base.Secret(name);

    /// <inheritdoc />
    public IFileResourceBuilder Config(string name) => _base.Config(name);

    /// <inheritdoc />
    public INodeBuilder Node(string hostname) => _base.Node(hostname);

    /// <inheritdoc />
    public IGatewayBuilder Gateway(string service) => _base.Gateway(service);

    /// <inheritdoc />
    public IStackBuilder Profile(string name, Action<IProfileBuilder> configure)
    {
        Require.ObjectName(name, "profile", nameof(name));
        Require.NotNull(configure, nameof(configure));
        var profile = _profiles.FirstOrDefault(p => p.Scope == name);
        // Declaring the profile again continues it: helpers each add their part of "prod".
        if (profile is null)
        {
            profile = new ProfileBuilder(name, _context);
            _profiles.Add(profile);
            _context.Provenance.RecordFirst(new SourceRef(name, "profile", name, SourceRef.Declaration), _context.CurrentOrigin);
        }

        configure(profile);
        return this;
    }

    /// <summary>
    /// The model built so far, validated: the builder's own findings, then <see cref="StackModel.Validate"/>
    /// (IKS0003, IKS0004 and the policy rules), each located at the call that caused it.
    /// </summary>
    public StackBuildResult Build()
    {
        var model = new StackModel(_name, _baseFile, _base.ToScope(), _profiles.Select(p => new ProfileModel(p.Scope, p.ToScope())).ToValueList());
        var findings = _context.Findings.Concat(StackChecks.Run(model))
            .Select(f => f.Origin is null ? f with { Origin = _context.Provenance.Locate(f.Where) } : f)
            .ToList();
        return new StackBuildResult(model, findings, _context.Provenance);
    }
}

/// <summary>The runtime implementation of a profile scope.</summary>
internal sealed class ProfileBuilder : ScopeBuilder, IProfileBuilder
{
    public ProfileBuilder(string name, BuildContext context)
        : base(name, context)
    {
    }
}
