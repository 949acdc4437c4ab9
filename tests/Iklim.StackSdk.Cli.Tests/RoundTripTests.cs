using Iklim.StackSdk.Cli.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>Round trips of the sample's own generated files and of the seed's prod overlay.</summary>
[Trait("Category", "Import")]
public sealed class RoundTripTests
{
    [Fact]
    public void SampleDeployFiles_RoundTrip()
    {
        var deploy = Path.Combine(Repo.Root, "samples", "IklimProd", "deploy");
        RoundTrip.Check("iklimco", Path.Combine(deploy, "docker-stack-infra.yml"), Path.Combine(deploy, "docker-stack-infra.prod.yml"));
    }

    [Fact]
    public void SeedProdOverlay_OverHandWrittenBase_RoundTrips()
    {
        var code = RoundTrip.Check("iklimco", Repo.Data("Seed", "docker-stack-infra.yml"), Repo.Data("Seed", "docker-stack-infra.prod.yml"));

        // Anchors and merge keys were resolved into plain calls; the overlay's new services are in the profile.
        Assert.Contains("stack.Profile(\"prod\", prod =>", code, StringComparison.Ordinal);
        Assert.Contains("prod.Service(\"redis-sentinel\")", code, StringComparison.Ordinal);
        Assert.Contains(".Hostname($\"rabbitmq-{Swarm.NodeHostname}\")", code, StringComparison.Ordinal);
        Assert.Contains("Env.Var(\"REDIS_PASSWORD\")", code, StringComparison.Ordinal);
        Assert.DoesNotContain("x-service-defaults", code, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedBaseAlone_RoundTrips() => RoundTrip.Check("iklimco", Repo.Data("Seed", "docker-stack-infra.yml"));
}
