using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0110: image tags that name only part of a version, or a release channel.</summary>
public sealed class FloatingImageTagModelTests
{
    private const string Id = "IKS0110";

    [Fact]
    public void MajorMinorWithVariant_Triggers()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("redis").Image("redis:7.2-alpine"));

        var finding = RuleStack.Single(findings, "", "Image", "base");
        Assert.Equal(
            "service 'redis' image 'redis:7.2-alpine' uses the floating tag '7.2-alpine' in the base stack: it names only part of a version, which the publisher moves to each new patch release, so nodes can pull different builds and a redeploy upgrades silently. Pin the full version (major.minor.patch), a digest (@sha256:...), or ${TAG}.",
            finding.Message);
    }

    // The voting app (redis:alpine, postgres:9.4) and the seed's prod RabbitMQ (rabbitmq:3-management).
    [Theory]
    [InlineData("redis:alpine")]
    [InlineData("postgres:9.4")]
    [InlineData("rabbitmq:3-management")]
    [InlineData("postgres:16")]
    [InlineData("postgres:16-alpine")]
    [InlineData("node:lts")]
    [InlineData("nginx:stable")]
    [InlineData("alpine:edge")]
    [InlineData("traefik:v2")]
    [InlineData("mysql:8.0")]
    [InlineData("python:3.12-slim")]
    [InlineData("registry.example.com:5000/team/app:1.0")]
    [InlineData("dockersamples/examplevotingapp_vote:before")]
    public void PartialVersionOrChannel_Triggers(string image)
    {
        RuleStack.Single(RuleStack.Findings(Id, s => s.Service("app").Image(image)), "", "Image", "base");
    }

    [Theory]
    [InlineData("redis:7.2.5-alpine")]
    [InlineData("quay.io/coreos/etcd:v3.5.17")]
    [InlineData("bitnami/redis:7.4.2-debian-12-r0")]
    [InlineData("postgres:16.4")]
    [InlineData("postgres:16.4-alpine")]
    [InlineData("ubuntu:20240101")]
    [InlineData("app:2024.01")]
    [InlineData("app:sha-3f2a9c1")]
    [InlineData("registry.example.com:5000/team/app:1.2.3")]
    public void FullVersionOrBuildTag_DoesNotTrigger(string image)
    {
        Assert.Empty(RuleStack.Findings(Id, s => s.Service("app").Image(image)));
    }

    [Fact]
    public void DigestDeployTimeTagOrLatest_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s =>
        {
            s.Service("a").Image("redis:alpine@sha256:" + new string('a', 64));
            s.Service("b").Image("redis:7.2@sha256:" + new string('b', 64));
            s.Service("c").Image(Interpolation.FromCompose("app:${TAG}"));
            s.Service("d").Image(Interpolation.FromCompose("app:${TAG:-edge}"));
            s.Service("e").Image("redis:latest");
            s.Service("f").Image("redis");
        });

        Assert.Empty(findings);
    }

    [Fact]
    public void GlobalService_TriggersToo()
    {
        // Every node pulls the tag, so the mode makes no difference.
        var findings = RuleStack.Findings(Id, s => s.Service("agent").Image("portainer/agent:2.21").Global());

        RuleStack.Single(findings, "", "Image", "base");
    }

    [Fact]
    public void ProfileSwitchesToAFloatingTag_TriggersAtTheProfilesImage_AndBaseFindingIsNotRepeated()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                s.Service("rabbitmq").Image("rabbitmq:3.13.7-management");
                s.Service("redis").Image("redis:7.2-alpine");
            },
            prod => prod.Service("rabbitmq").Image("rabbitmq:3-management"));

        Assert.Equal(new[] { ("", "redis", "base"), ("prod", "rabbitmq", "prod") }, findings.Select(f => (f.Where.Scope, f.Where.Name, (string)f.Origin!)).ToArray());
    }

    [Fact]
    public void ProfilePinsTheBasesFloatingTag_HasNoProfileFinding()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("redis").Image("redis:7.2-alpine"),
            prod => prod.Service("redis").Image("redis:7.2.5-alpine"));

        RuleStack.Single(findings, "", "Image", "base");
    }
}
