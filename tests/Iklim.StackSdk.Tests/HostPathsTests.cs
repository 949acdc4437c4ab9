using Iklim.StackSdk.Emitting;

namespace Iklim.StackSdk.Tests;

/// <summary>Relative host paths move from the project folder to the deploy folder; everything else is kept.</summary>
public sealed class HostPathsTests
{
    [Theory]
    [InlineData("../", "./caddy/Caddyfile", "../caddy/Caddyfile")]
    [InlineData("../", "caddy/Caddyfile", "../caddy/Caddyfile")]
    [InlineData("../", "../shared/x", "../../shared/x")]
    [InlineData("../../", "./a/./b/../c", "../../a/c")]
    [InlineData("../../TinyStack/", "./caddy", "../../TinyStack/caddy")]
    [InlineData("", "./caddy", "./caddy")]
    [InlineData("", ".", ".")]
    [InlineData("..\\", "./x", "../x")]
    [InlineData("../", "/etc/ssl/x", "/etc/ssl/x")]
    [InlineData("../", "~/x", "~/x")]
    [InlineData("../", "./config/apisix/config.yaml", "./config/apisix/config.yaml")]
    public void Files_AreRebased(string projectFromDeploy, string path, string expected)
    {
        var paths = new HostPaths(projectFromDeploy);
        Assert.Equal(expected, paths.File("apisix_config", path));
    }

    [Theory]
    [InlineData("./static", "../static")]
    [InlineData("..", "../..")]
    [InlineData("/mnt/data", "/mnt/data")]
    [InlineData("data-vl", "data-vl")]
    public void MountSources_OnlyRelativeBindsMove(string source, string expected) =>
        Assert.Equal(expected, new HostPaths("../").MountSource(source));

    [Fact]
    public void DeployTimeSource_IsKept_AndOnlyTheGatewaysOwnEntryKeepsItsPath()
    {
        Assert.Equal(Env.Var("DIR", "./x"), new HostPaths("../").File("x", Env.Var("DIR", "./x")));
        Assert.Equal("./config/apisix/config.prod.yaml", new HostPaths("../").File("apisix_config", "./config/apisix/config.prod.yaml"));
        Assert.Equal("../config/apisix/config.yaml", new HostPaths("../").File("my_config", "./config/apisix/config.yaml"));
    }
}
