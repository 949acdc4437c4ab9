using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0110: an image whose tag looks pinned but moves. A tag that names only a major or a major.minor version
/// (<c>postgres:16</c>, <c>redis:7.2-alpine</c>, <c>rabbitmq:3-management</c>) follows every patch release, and a
/// tag without any digit (<c>redis:alpine</c>, <c>node:lts</c>, <c>nginx:stable</c>, <c>app:edge</c>) follows every
/// release. A digest always passes, and so does a deploy-time <c>${TAG}</c>; no tag and <c>latest</c> are IKS0107's.
/// </summary>
internal sealed class FloatingImageTag : StackRule
{
    public const string Id = "IKS0110";

    // A major (at most three digits, so that dates such as 20240101 are not one) with an optional minor, then
    // nothing or a variant: 16, v2, 7.2, 3.13-management, 8.0-alpine3.19. A third number (7.2.5) pins.
    private static readonly Regex PartialVersion = new(@"^v?[0-9]{1,3}(\.[0-9]+)?([-_+].*)?$", RegexOptions.CultureInvariant);

    // For an image numbered major.minor, only the major floats: postgres:16 and postgres:16-alpine, not 16.4.
    private static readonly Regex TwoPartVersion = new(@"^v?[0-9]{1,3}([-_+].*)?$", RegexOptions.CultureInvariant);

    private static readonly Regex OldMajor = new(@"^v?[0-9](\.|$|[-_+])", RegexOptions.CultureInvariant);

    // Images whose releases are numbered major.minor from major 10 on, so that 16.4 is a full version (9.4 is not):
    // the official postgres image.
    private static readonly string[] TwoPartVersionImages = { "postgres" };

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Floating image tag",
        "service '{0}' image '{1}' uses the floating tag '{2}' {3}: {4}, so nodes can pull different builds and a redeploy upgrades silently. Pin the full version (major.minor.patch), a digest (@sha256:...), or ${{TAG}}.",
        FindingSeverity.Warning,
        "A tag that names only a major or major.minor version, or a name such as alpine, stable or lts, moves to a new build with every release, just as latest does.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var service in scope.Stack.Services)
        {
            if (service.Image is not { } image || Why(image) is not { } why)
            {
                continue;
            }

            yield return scope.Warn(Rule, service, scope.KeyFor(service, ServiceSettings.Image), service.Name, image, Names.ImageTag(image)!, scope.Phrase, why);
        }
    }

    /// <summary>Why the tag of <paramref name="image"/> floats, or null when it is pinned or none of this rule's business.</summary>
    public static string? Why(string image)
    {
        var lastSegment = image.Substring(image.LastIndexOf('/') + 1);
        if (Names.HasImageDigest(image) || Names.HasInterpolation(lastSegment) || Names.ImageTag(image) is not { } tag || tag == "latest")
        {
            return null;
        }

        if (!tag.Any(c => c is >= '0' and <= '9'))
        {
            return "a tag without a version names a release channel that the publisher moves";
        }

        var twoPart = TwoPartVersionImages.Contains(ServiceTraits.ImageName(image), StringComparer.Ordinal) && !OldMajor.IsMatch(tag);
        return (twoPart ? TwoPartVersion : PartialVersion).IsMatch(tag)
            ? "it names only part of a version, which the publisher moves to each new patch release"
            : null;
    }
}
