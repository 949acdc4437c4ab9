using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Iklim.StackSdk.Emitting.Gateway;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Emitting;

/// <summary>
/// A stack as Docker deploys it, which is what the emitters write: the plan the checks read, with the gateway's config
/// mount (<see cref="GatewayConfigMounts"/>) applied over its base, overlays and effective stacks. The mount touches the
/// gateway's service and config entry only, and only those are planned again (<see cref="StackPlan.Replan"/>), so a
/// stack is planned once; kept beside the model, so the emitters share it.
/// </summary>
internal sealed class DeployedStack
{
    private static readonly ConditionalWeakTable<StackModel, DeployedStack> Stacks = new();

    private DeployedStack(StackModel model)
    {
        var mounted = GatewayConfigMounts.Of(model);
        Base = mounted.Base;
        Profiles = StackPlan.Of(model).Replan(mounted);
    }

    /// <summary>The base as deployed.</summary>
    public StackScope Base { get; }

    /// <summary>Each profile's overlay and effective stack as deployed, in the model's order.</summary>
    public IReadOnlyList<PlannedProfile> Profiles { get; }

    /// <summary>The deployed stack of <paramref name="model"/>, computed on first use and kept while the model lives.</summary>
    public static DeployedStack Of(StackModel model) => Stacks.GetValue(model, m => new DeployedStack(m));
}
