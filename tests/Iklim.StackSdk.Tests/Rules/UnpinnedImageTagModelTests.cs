using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0107: images without a tag or with latest.</summary>
public sealed class UnpinnedImageTagModelTests
{
    private const string Id = "IKS0107";

    [Fact]
    public void NoTag_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("redis").Image("redis"));

        var finding = RuleStack.Single(findings, "", "Image", "base");
        Assert.Equal(
            "service 'redis' image 'redis' has no tag, so it means 'latest' in the base stack: nodes can pull different versions and a redeploy upgrades silently. Pin a version tag (redis:7.4.2), a digest, or ${TAG}.",
            finding.Message);
    }

    [Theory]
    [InlineData("redis:latest")]
    [InlineData("bitnamisecure/redis:latest")]
    [InlineData("registry.example.com:5000/team/app")]
    public void LatestOrRegistryPortWithoutTag_Triggers(string image)
    {
        var findings = RuleStack.Findings(Id, s => s.Service("app").Image(image));

        RuleStack.Single(findings, "", "Image", "base");
    }

    [Fact]
    public void ProfileSwitchesToLatest_TriggersAtTheProfilesImage()
    {
        // The seed's Step 5 snippet as written: bitnamisecure/redis:latest in the prod overlay.
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("redis").Image("redis:7.2.5-alpine"),
            prod => prod.Service("redis").Image("bitnamisecure/redis:latest"));

        Assert.Contains("in profile 'prod'", RuleStack.Single(findings, "prod", "Image", "prod").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis:7.4.2")]
    [InlineData("rabbitmq:3-management")]
    [InlineData("registry.example.com:5000/team/app:1.2.3")]
    public void VersionTag_DoesNotTrigger(string image)
    {
        Assert.Empty(RuleStack.Findings(Id, s => s.Service("app").Image(image)));
    }

    [Fact]
    public void DigestOrDeployTimeTag_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Service("a").Image("redis@sha256:" + new string('a', 64));
            s.Service("b").Image(Interpolation.FromCompose("app:${TAG}"));
            s.Service("c").Image(Interpolation.FromCompose("app:${TAG:-latest}"));
            s.Service("d").Image(Interpolation.FromCompose("${APP_IMAGE}"));
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void BaseProblemFixedByTheProfile_IsReportedOnlyForTheBase()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("redis").Image("redis:latest"),
            prod => prod.Service("redis").Image("redis:7.4.2"));

        RuleStack.Single(findings, "", "Image", "base");
    }

    [Fact]
    public void BaseProblemUntouchedByTheProfile_IsReportedOnlyForTheBase()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("redis").Image("redis"),
            prod => prod.Service("redis").Replicas(1));

        RuleStack.Single(findings, "", "Image", "base");
    }
}
