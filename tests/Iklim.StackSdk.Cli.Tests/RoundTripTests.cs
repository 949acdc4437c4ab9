using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

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

    [Fact]
    public void ProfileOption_NamesTheOverlaysProfile()
    {
        using var folder = new TempFolder();
        var baseFile = folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n");
        var overlay = folder.Write("in/production.yml", "services:\n  api:\n    deploy:\n      replicas: 2\n");

        var result = Tool.Run("import", baseFile, overlay, "--profile", "staging", "--name", "shop", "--output", Path.Combine(folder.Path, "Shop"));

        Assert.True(result.ExitCode == 0, result.Error);
        var code = File.ReadAllText(Path.Combine(folder.Path, "Shop", "ShopStack.cs"));
        Assert.Contains("stack.Profile(\"staging\", staging =>", code, StringComparison.Ordinal);
        Assert.Contains("staging.Service(Api)\n                .Replicas(2);", code, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportedFiles_AreTheSameBytesUnderTurkishCulture()
    {
        using var folder = new TempFolder();
        string Import(string culture)
        {
            var previous = System.Globalization.CultureInfo.CurrentCulture;
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
            try
            {
                var output = Path.Combine(folder.Path, culture.Length == 0 ? "invariant" : culture, "Infra");
                Importing.Importer.Import(Repo.Data("Seed", "docker-stack-infra.yml"), new[] { Repo.Data("Seed", "docker-stack-infra.prod.yml") }, Array.Empty<string>(), "iklimco", output);
                return File.ReadAllText(Path.Combine(output, "IklimcoStack.cs")) + File.ReadAllText(Path.Combine(output, "Infra.csproj"));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = previous;
            }
        }

        Assert.Equal(Import(string.Empty), Import("tr-TR"));
    }
}
