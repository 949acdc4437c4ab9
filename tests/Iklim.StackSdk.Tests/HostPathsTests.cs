using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

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
    [InlineData("../", "./config/apisix/config.yaml", "../config/apisix/config.yaml")]
    public void Files_AreRebased(string projectFromDeploy, string path, string expected)
    {
        var paths = new HostPaths(projectFromDeploy);
        Assert.Equal(expected, paths.File(new FileResourceSpec("apisix_config") { File = path }));
    }

    [Theory]
    [InlineData("./static", "../static")]
    [InlineData("..", "../..")]
    [InlineData("/mnt/data", "/mnt/data")]
    [InlineData("data-vl", "data-vl")]
    public void MountSources_OnlyRelativeBindsMove(string source, string expected) =>
        Assert.Equal(expected, new HostPaths("../").MountSource(source));

    [Fact]
    public void DeployTimeSource_IsKept_AndOnlyAnEntryTheBuildWroteKeepsItsPath()
    {
        var paths = new HostPaths("../");
        Assert.Equal(Env.Var("DIR", "./x"), paths.File(new FileResourceSpec("x") { File = Env.Var("DIR", "./x") }));
        Assert.Equal("./config/apisix/config.prod.yaml", paths.File(new FileResourceSpec("apisix_config") { File = "./config/apisix/config.prod.yaml", WrittenByBuild = true }));
        Assert.Equal("../config/apisix/config.prod.yaml", paths.File(new FileResourceSpec("apisix_config") { File = "./config/apisix/config.prod.yaml" }));
        Assert.Null(paths.File(new FileResourceSpec("x") { External = true }));
    }

    [Fact]
    public void UsersOwnGatewayNamedConfig_IsRebased_AndDockerReadsTheProjectsFile()
    {
        // The gateway's generated entry has this name and path; here the user wrote it, for a stack without a gateway.
        var stack = new StackBuilder("edge", "docker-stack-edge.yml");
        stack.Config("apisix_config").File("./config/apisix/config.yaml");
        stack.Service("apisix").Image("apache/apisix:3.11.0-debian").Config("apisix_config", "/usr/local/apisix/conf/config.yaml");
        var model = stack.Build().Model;
        using var project = new TempFolder();
        var mine = project.Write("config/apisix/config.yaml", "deployment:\n  role: traditional\n");
        var files = StackArtefacts.Create(model).ToDictionary(a => a.Path, a => project.Write("deploy/" + a.Path, a.Content), StringComparer.Ordinal);

        Assert.Contains("    file: \"../config/apisix/config.yaml\"\n", File.ReadAllText(files["docker-stack-edge.yml"]), StringComparison.Ordinal);
        Assert.DoesNotContain(files.Keys, k => k.StartsWith("config/", StringComparison.Ordinal));
        Assert.Equal(mine, Yaml.Scalar(Yaml.Parse(DockerCli.StackConfigOrFail(files["docker-stack-edge.yml"])), "configs", "apisix_config", "file"));
    }

    [Fact]
    public void GatewaysGeneratedConfig_KeepsItsDeployFolderPath_AndDockerReadsTheGeneratedFile()
    {
        var stack = new StackBuilder("edge", "docker-stack-edge.yml");
        stack.Service("apisix").Image("apache/apisix:3.11.0-debian");
        stack.Gateway("apisix").Etcd(new[] { "http://etcd:2379" });
        using var project = new TempFolder();
        var files = StackArtefacts.Create(stack.Build().Model).ToDictionary(a => a.Path, a => project.Write("deploy/" + a.Path, a.Content), StringComparer.Ordinal);

        Assert.Contains("    file: \"./config/apisix/config.yaml\"\n", File.ReadAllText(files["docker-stack-edge.yml"]), StringComparison.Ordinal);
        Assert.Equal(files["config/apisix/config.yaml"], Yaml.Scalar(Yaml.Parse(DockerCli.StackConfigOrFail(files["docker-stack-edge.yml"])), "configs", "apisix_config", "file"));
    }
}
