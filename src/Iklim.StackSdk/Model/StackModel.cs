using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Model;

/// <summary>
/// Everything declared in one scope: the base stack, or the changes of one profile.
/// </summary>
public sealed record StackScope
{
    /// <summary>The empty scope.</summary>
    public static StackScope Empty { get; } = new();

    /// <summary>Services in declaration order.</summary>
    public ValueList<ServiceSpec> Services { get; init; }

    /// <summary>Top-level networks.</summary>
    public ValueList<NetworkSpec> Networks { get; init; }

    /// <summary>Top-level volumes.</summary>
    public ValueList<VolumeSpec> Volumes { get; init; }

    /// <summary>Top-level secrets.</summary>
    public ValueList<FileResourceSpec> Secrets { get; init; }

    /// <summary>Top-level configs.</summary>
    public ValueList<FileResourceSpec> Configs { get; init; }

    /// <summary>The node inventory.</summary>
    public ValueList<NodeSpec> Nodes { get; init; }

    /// <summary>APISIX gateways, by the service that runs them. Not compose keys: they become init.sh and config.yaml.</summary>
    public ValueList<GatewaySpec> Gateways { get; init; }

    /// <summary>The gateway run by <paramref name="service"/>, or null.</summary>
    public GatewaySpec? Gateway(string service) => Gateways.FirstOrDefault(g => g.Service == service);

    /// <summary>The service called <paramref name="name"/>, or null (the first one declared, should a name repeat).</summary>
    public ServiceSpec? Service(string name) => ServiceIndex.Of(this).TryGetValue(name, out var service) ? service : null;
}

/// <summary>A profile: a name and what it changes relative to the base.</summary>
public sealed record ProfileModel(string Name, StackScope Changes);

/// <summary>
/// A whole stack: its base (deployed alone for test) and its profiles (each deployed as base + overlay).
/// Immutable with value equality: the runtime builders and the compile-time evaluator must produce equal models.
/// </summary>
public sealed record StackModel(string Name, string BaseFile, StackScope Base, ValueList<ProfileModel> Profiles)
{
    /// <summary>The overlay file name of <paramref name="profile"/>: <c>docker-stack-infra.yml</c> becomes <c>docker-stack-infra.prod.yml</c>.</summary>
    public string OverlayFile(string profile)
    {
        var dot = BaseFile.LastIndexOf('.');
        return dot < 0 ? BaseFile + "." + profile : BaseFile.Substring(0, dot) + "." + profile + BaseFile.Substring(dot);
    }

    /// <summary>The profile called <paramref name="name"/>, or null.</summary>
    public ProfileModel? Profile(string name) => Profiles.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// The whole-stack checks. They live above the model (validation reads the plan, rules read the effective stacks),
    /// so the model only holds the slot; <c>Validation.StackChecks</c> fills it when the assembly loads.
    /// </summary>
    internal static Func<StackModel, IReadOnlyList<Finding>> Checks { get; set; } =
        _ => throw new InvalidOperationException("The stack checks were not registered: Iklim.StackSdk's module initializer did not run.");

    /// <summary>
    /// Everything the model itself shows to be wrong: undeclared references (IKS0003), profile changes an overlay
    /// cannot express (IKS0004), then the policy warnings of <see cref="Rules.StackRules"/> for the base and each profile.
    /// The same findings <see cref="StackBuilder.Build"/> reports, without origins (a model does not know its calls).
    /// </summary>
    /// <example><code>
    /// var model = StackBuilder.Run(new InfraStack()).Model;
    /// Assert.Empty(model.Validate());
    /// </code></example>
    public IReadOnlyList<Finding> Validate() => Checks(this);
}
