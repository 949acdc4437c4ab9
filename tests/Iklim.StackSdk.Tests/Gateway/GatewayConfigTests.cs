using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Gateway;

/// <summary>
/// config/apisix/config.yaml and config.prod.yaml carry the seed's etcd and real_ip settings, and the stack files
/// mount them so that docker resolves the base to config.yaml and base + prod to config.prod.yaml.
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
