using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// Runs the policy rules (IKS01xx) on the base stack and on each profile's effective stack
/// (exactly what Docker makes of base + overlay).
/// </summary>
/// <remarks>
/// A problem the base has is reported once, for the base. A profile gets a finding only when the problem is new in
/// the profile, or when the profile changes a value the finding rests on (more replicas, another image, another
/// quorum). "Inherited" is decided by running the same rule on the base as if it were the profile: a finding the
/// profile's effective stack produces identically there, at a call the profile did not make, is the base's.
/// A base problem that a profile fixes is simply absent from that profile's effective stack.
/// </remarks>
/// <example><code>
/// foreach (var finding in StackRules.Check(model))
/// {
///     Console.WriteLine($"{finding.Id}: {finding.Message}");
/// }
/// </code></example>
public static class StackRules
{
    private static readonly StackRule[] All =
    {
        new StatefulWithoutMaxReplicasPerNode(),
        new DuplicatePinnedSingleton(),
        new UnschedulablePlacement(),
        new StartFirstWithoutFreeSlot(),
        new QuorumNotMajority(),
        new UnpinnedImageTag(),
        new SecretInPlainEnvironment(),
        new LocalRateLimitOnReplicatedGateway(),
        new ConsistentHashWithoutPerNodeAliases(),
        new FloatingImageTag(),
        new NodeLocalStateCanMove(),
        new SecretDefaultInVariable(),
        new PublishedPortUsedTwice(),
        new QuorumLostToOneNode(),
        new WindowsSettingOnLinuxPlacement(),
    };

    /// <summary>The IDs of the rules this class runs.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.Select(r => r.Definition.Id).ToList();

    /// <summary>The catalogue entries of the rules this class runs.</summary>
    public static IReadOnlyList<RuleDefinition> Definitions { get; } = All.Select(r => r.Definition).ToList();

    /// <summary>The warnings of every rule for <paramref name="model"/>: the base's first, then each profile's.</summary>
    public static IReadOnlyList<Finding> Check(StackModel model)
    {
        var findings = new List<Finding>();
        findings.AddRange(Run(RuleScope.ForBase(model.Base)));
        foreach (var (profile, plan) in StackPlan.Of(model).Profiles.Select(p => (p.Profile, p.Plan)))
        {
            var effective = RuleScope.ForProfile(profile.Name, plan.Effective, plan.Overlay);
            var inherited = new HashSet<Finding>(Run(RuleScope.ForProfile(profile.Name, model.Base, plan.Overlay)));
            findings.AddRange(Run(effective).Where(f => !inherited.Contains(f) || effective.Sets(f.Where)));
        }

        return findings;
    }

    private static IEnumerable<Finding> Run(RuleScope scope) => All.SelectMany(rule => rule.Check(scope));
}
