using System.Collections.Generic;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0107: an image without a tag or with <c>latest</c>. Each node pulls whatever the tag means at that moment, so
/// replicas can run different versions and a redeploy can upgrade silently. A digest pins; so does a deploy-time
/// <c>${TAG}</c>, which the release process fills in.
/// </summary>
internal sealed class UnpinnedImageTag : StackRule
{
    public const string Id = "IKS0107";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Image without a pinned tag",
        "service '{0}' image '{1}' {2} {3}: nodes can pull different versions and a redeploy upgrades silently. Pin a version tag (redis:7.4.2), a digest, or ${{TAG}}.",
        FindingSeverity.Warning,
        "Without a version tag or digest, nodes can pull different versions and a redeploy upgrades silently.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var service in scope.Stack.Services)
        {
            if (service.Image is not { } image || Names.HasImageDigest(image))
            {
                continue;
            }

            var tag = Names.ImageTag(image);
            string problem;
            if (tag is null)
            {
                // `${IMAGE}` or `app${SUFFIX}` may carry its tag inside the variable.
                if (Names.HasInterpolation(ServiceTraits.ImageName(image)))
                {
                    continue;
                }

                problem = "has no tag, so it means 'latest'";
            }
            else if (tag == "latest")
            {
                problem = "uses the floating tag 'latest'";
            }
            else
            {
                continue;
            }

            yield return scope.Warn(Rule, service, scope.KeyFor(service, ServiceSettings.Image), service.Name, image, problem, scope.Phrase);
        }
    }
}
