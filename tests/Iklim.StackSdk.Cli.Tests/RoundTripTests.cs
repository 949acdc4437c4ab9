using Iklim.StackSdk.Cli.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>Round trips of the sample's own generated files and of the seed's prod overlay.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void SampleDeployFiles_RoundTrip()
    {
        var deploy = Path.Combine(Repo.Root, "samples", "IklimProd", "deploy");
        RoundTrip.Check("iklimco", Path.Combine(deploy, "docker-stack-infra.yml"), Path.Combine(deploy, "docker-stack-infra.prod.yml"));
    }
}
