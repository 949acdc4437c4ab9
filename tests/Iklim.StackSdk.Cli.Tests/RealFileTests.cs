using Iklim.StackSdk.Cli.Importing;
using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>Real public stack files (RealFiles/SOURCES.md): each imports and round-trips through docker, or is refused where the DSL cannot express a key.</summary>
[Trait("Category", "Import")]
public sealed class RealFileTests
{
    [Theory]
    [InlineData("swarmprom", "docker-compose.yml")]
    [InlineData("atsea", "docker-stack.yml")]
    [InlineData("dogvscat-proxy", "stack-proxy.yml")]
    [InlineData("dogvscat-proxy-global", "stack-proxy-global.yml")]
    public void RealFile_RoundTrips(string folder, string file) => RoundTrip.Check(folder, Repo.Data("RealFiles", folder, file));

    [Fact]
    public void EncryptedNetworksAndLogging_BecomeDslCalls()
    {
        var code = RoundTrip.Check("proxy", Repo.Data("RealFiles", "dogvscat-proxy-global", "stack-proxy-global.yml"));

        Assert.Contains(".DriverOption(\"encrypted\", \"true\")", code, StringComparison.Ordinal);
        Assert.Contains(".LoggingOption(\"max-size\", \"1m\")", code, StringComparison.Ordinal);
        Assert.Contains(".Port(80, 80, mode: PortMode.Host)", code, StringComparison.Ordinal);
        Assert.Contains(".Global()", code, StringComparison.Ordinal);
    }

    [Fact]
    public void VotingApp_DependsOn_IsRefusedAtItsLine()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "Voting");
        var file = Repo.Data("RealFiles", "voting", "docker-stack.yml");

        var error = Assert.Throws<ImportException>(() => Importer.Import(file, Array.Empty<string>(), Array.Empty<string>(), "voting", output));

        Assert.Equal(file, error.File);
        Assert.Equal(32, error.Line);
        Assert.Equal("services.vote.depends_on", error.Key);
        Assert.Contains("cannot express 'depends_on'", error.Problem, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
