using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Merging;

/// <summary>A profile with its planned overlay, effective stack and IKS0004 findings.</summary>
public sealed record ProfilePlan(ProfileModel Profile, OverlayPlan Plan);

/// <summary>A profile's overlay and effective stack, without findings: what an emitter writes.</summary>
internal sealed record PlannedProfile(ProfileModel Profile, StackScope Overlay, StackScope Effective);

/// <summary>
/// The one plan of a stack: the base, and for each profile its overlay, effective stack and the changes an overlay
/// cannot express. Rules, validation and emitters all read it, so a model is planned once however many of them look
/// at it; <see cref="Of"/> keeps the plan beside the model instance.
/// </summary>
/// <example><code>
/// var plan = StackPlan.Of(model);
/// var prodOverlay = plan.For("prod")!.Overlay;
/// </code></example>
public sealed class StackPlan
{
    private static readonly ConditionalWeakTable<StackModel, StackPlan> Plans = new();

    private StackPlan(StackModel model)
    {
        Model = model;
        Profiles = model.Profiles.Select(p => new ProfilePlan(p, OverlayPlanner.Plan(model.Base, p))).ToList();
    }

    /// <summary>The stack planned.</summary>
    public StackModel Model { get; }

    /// <summary>Each profile's plan, in the model's order.</summary>
    public IReadOnlyList<ProfilePlan> Profiles { get; }

    /// <summary>Every profile's IKS0004 findings, in profile order.</summary>
    public IEnumerable<Finding> Findings => Profiles.SelectMany(p => p.Plan.Findings);

    /// <summary>The plan of <paramref name="model"/>, computed on first use and kept while the model lives.</summary>
    public static StackPlan Of(StackModel model)
    {
        Validation.Require.NotNull(model, nameof(model));
        return Plans.GetValue(model, m => new StackPlan(m));
    }

    /// <summary>
    /// The overlays and effective stacks of <paramref name="changed"/>, which is <see cref="Model"/> after a step that
    /// adds to a few of its services and top-level entries (the gateway's config mount, an emission step): what the
    /// step left as it was keeps its planned entries, so the stack is planned once however the step changes it. The
    /// profiles must be the model's, in its order.
    /// </summary>
    internal IReadOnlyList<PlannedProfile> Replan(StackModel changed)
    {
        if (ReferenceEquals(changed, Model))
        {
            return Profiles.Select(p => new PlannedProfile(p.Profile, p.Plan.Overlay, p.Plan.Effective)).ToList();
        }

        var profiles = new List<PlannedProfile>(Profiles.Count);
        for (var i = 0; i < Profiles.Count; i++)
        {
            var earlier = new EarlierPlan(Model.Base, Profiles[i].Profile, Profiles[i].Plan);
            var (overlay, effective) = OverlayPlanner.Replan(earlier, changed.Base, changed.Profiles[i]);
            profiles.Add(new PlannedProfile(changed.Profiles[i], overlay, effective));
        }

        return profiles;
    }

    /// <summary>The plan of the profile called <paramref name="profile"/>, or null.</summary>
    public OverlayPlan? For(string profile) => Profiles.FirstOrDefault(p => p.Profile.Name == profile)?.Plan;
}
