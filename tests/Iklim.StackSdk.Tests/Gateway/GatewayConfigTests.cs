using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Gateway;

/// <summary>
/// config/apisix/config.yaml and config.prod.yaml carry the seed's etcd and real_ip settings and the Admin API that
/// init.sh calls from another container, and the stack files mount them so that docker resolves the base to
/// config.yaml and base + prod to config.prod.yaml.
/// </summary>
[Trait("Category", "Gateway")]
public sealed class GatewayConfigTests : IClassFixture<SampleArtefacts>
{
    private readonly SampleArtefacts _sample;

    public GatewayConfigTests(SampleArtefacts sample) => _sample = sample;

    private string Deploy => Path.GetDirectoryName(_sample.BaseFile)!;

    [Fact]
    public void BaseConfig_UsesTheStandaloneEtcdAndTheRealIpRanges()
    {
        var yaml = File.ReadAllText(Path.Combine(Deploy, "config", "apisix", "config.yaml"));
        Assert.Contains("""
            deployment:
              admin:
                admin_key:
                  - name: admin
                    key: ${{APISIX_ADMIN_KEY}}
                    role: admin
                allow_admin:
                  - "10.0.0.0/8"
              role: traditional
              role_traditional:
                config_provider: etcd
              etcd:
                host:
                  - http://etcd:2379
                prefix: /apisix
                timeout: 30
            nginx_config:
              http:
                real_ip_header: X-Forwarded-For
                real_ip_from:
                  - "10.0.0.0/8"
                  - "172.16.0.0/12"
                  - "192.168.0.0/16"
            """.ReplaceLineEndings("\n"), yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ProdConfig_UsesThePatroniEtcd()
    {
        var yaml = File.ReadAllText(Path.Combine(Deploy, "config", "apisix", "config.prod.yaml"));
        Assert.Contains("""
                host:
                  - http://iklim-db-01:2379
                  - http://iklim-db-02:2379
                  - http://iklim-db-03:2379
                prefix: /apisix
                timeout: 30
            """.ReplaceLineEndings("\n"), yaml, StringComparison.Ordinal);
        Assert.Contains("real_ip_header: X-Forwarded-For", yaml, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Yamllint_AcceptsTheConfigFiles()
    {
        var yamllint = ExternalTool.Require("yamllint");
        var (exitCode, output) = ExternalTool.Run(
            yamllint,
            "-s",
            "-c",
            Path.Combine(ExternalTool.RepositoryRoot, "eng", "lint", "yamllint.yml"),
            Path.Combine(Deploy, "config", "apisix", "config.yaml"),
            Path.Combine(Deploy, "config", "apisix", "config.prod.yaml"));
        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("config.yaml")]
    [InlineData("config.prod.yaml")]
    public void EveryConfig_LetsTheStackNetworkCallTheAdminApi_WithTheKeyReadAtStart(string file)
    {
        var config = Yaml.Parse(File.ReadAllText(Path.Combine(Deploy, "config", "apisix", file)));

        // APISIX 3 substitutes ${{NAME}} from its environment when it starts (apisix/cli/file.lua); the file holds no key.
        var key = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlSequenceNode)Yaml.At(config, "deployment", "admin", "admin_key")).Children.Single();
        Assert.Equal("${{APISIX_ADMIN_KEY}}", Yaml.Scalar(key, "key"));
        Assert.Equal("admin", Yaml.Scalar(key, "role"));
        Assert.Equal(new[] { "10.0.0.0/8" }, Yaml.Scalars(config, "deployment", "admin", "allow_admin"));
    }

    [Fact]
    public void DockerStackConfig_RefusesTheBaseWithoutTheAdminKey_AndPassesItToTheGateway()
    {
        var refused = DockerCli.Run(new[] { "stack", "config", "-c", _sample.BaseFile });
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("APISIX_ADMIN_KEY", refused.Error, StringComparison.Ordinal);

        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(_sample.BaseFile, _sample.ProdFile));
        Assert.Equal("docker-cli-test-apisix_admin_key", Yaml.Scalar(merged, "services", "apisix", "environment", "APISIX_ADMIN_KEY"));
    }

    [Fact]
    public void DockerStackConfig_MountsTheBaseConfigInTest()
    {
        var merged = DockerCli.StackConfigOrFail(_sample.BaseFile);

        Assert.Contains("file: " + Path.Combine(Deploy, "config", "apisix", "config.yaml") + "\n", merged, StringComparison.Ordinal);
        Assert.Contains("- source: apisix_config\n        target: /usr/local/apisix/conf/config.yaml", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerStackConfig_MountsTheProdConfigInProd()
    {
        var merged = DockerCli.StackConfigOrFail(_sample.BaseFile, _sample.ProdFile);

        Assert.Contains("file: " + Path.Combine(Deploy, "config", "apisix", "config.prod.yaml") + "\n", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("config/apisix/config.yaml", merged, StringComparison.Ordinal);
        Assert.Contains("- source: apisix_config\n        target: /usr/local/apisix/conf/config.yaml", merged, StringComparison.Ordinal);
    }
}
