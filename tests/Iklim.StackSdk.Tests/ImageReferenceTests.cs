using Iklim.StackSdk.Rules;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// The tag and the repository name the rules read off an image, for the parts of distribution/reference's grammar
/// (<c>[host[:port]/]path[:tag][@digest]</c>) where a ':' is not a tag: a registry's port, and a digest's algorithm.
/// </summary>
public sealed class ImageReferenceTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("redis", null)]
    [InlineData("redis:7.4.2", "7.4.2")]
    [InlineData("bitnami/redis:latest", "latest")]
    [InlineData("localhost:5000/team/app", null)]
    [InlineData("localhost:5000/team/app:1.0", "1.0")]
    [InlineData("registry.example.com:443/bitnami/redis:7.4@" + Digest, "7.4")]
    [InlineData("redis@" + Digest, null)]
    [InlineData("Redis:7", null)]
    [InlineData("redis:", null)]
    public void ImageTag_IsThePartAfterTheLastSegmentsColon_BeforeAnyDigest(string image, string? tag) =>
        Assert.Equal(tag, Names.ImageTag(image));

    [Theory]
    [InlineData("redis", "redis")]
    [InlineData("bitnami/redis:7.4", "redis")]
    [InlineData("localhost:5000/team/app", "app")]
    [InlineData("registry.example.com:443/bitnami/redis:7.4@" + Digest, "redis")]
    [InlineData("redis@" + Digest, "redis")]
    public void ImageName_IsTheLastPathSegment_WithoutTagOrDigest(string image, string name) =>
        Assert.Equal(name, ServiceTraits.ImageName(image));
}
