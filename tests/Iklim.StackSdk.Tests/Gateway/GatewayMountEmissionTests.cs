using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Emitting.Gateway;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Gateway;

/// <summary>
/// The gateway's config.yaml mount is an emission step: a model written as records, never seen by
/// <see cref="StackBuilder"/>, deploys its gateway with its config.yaml, and the rules find the same on the model
/// with or without the mount.
/// </summary>
[Trait("Category", "Gateway")]
public sealed class GatewayMountEmissionTests
{
    // Built as records: nothing of the DSL or the runtime builders runs.
    private static readonly StackModel RecordModel = new(
        "edge",
        "docker-stack-edge.yml",
        StackScope.Empty with
        {
            Services = ValueList.Of(new ServiceSpec("apisix") { Image = "apache/apisix:3.11.0-debian" }),
            Gateways = ValueList.Of(new GatewaySpec("apisix") { Etcd = new EtcdSpec(ValueList.Of("http://etcd:2379"), "/apisix", 30) }),
        },
        ValueList.Of(new ProfileModel("prod", StackScope.Empty with
        {
            Gateways = ValueList.Of(new GatewaySpec("apisix")
            {
                Etcd = new EtcdSpec(ValueList.Of("http://iklim-db-01:2379", "http://iklim-db-02:2379"), "/apisix", 30),
                AdminApi = new AdminApiSpec("EDGE_ADMIN_KEY", ValueList.Of("10.0.0.0/8")),
            }),
        })));

    [Fact]
    public void RecordModel_DeploysTheBaseConfigMountedIntoTheGateway()
    {
        using var folder = new TempFolder();
        var files = Write(folder, RecordModel);

        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(files["docker-stack-edge.yml"]));

        Assert.Equal(files["config/apisix/config.yaml"], Yaml.Scalar(merged, "configs", "apisix_config", "file"));
        var mount = Assert.Single(((YamlDotNet.RepresentationModel.YamlSequenceNode)Yaml.At(merged, "services", "apisix", "configs")).Children);
        Assert.Equal("apisix_config", Yaml.Scalar(mount, "source"));
        Assert.Equal(GatewayFiles.ConfigTarget, Yaml.Scalar(mount, "target"));
        Assert.Null(Yaml.Find(merged, "services", "apisix", "environment"));
    }

    [Fact]
    public void RecordModel_DeploysTheProfilesOwnConfigUnderANewName_WithItsAdminKeyPassed()
    {
        using var folder = new TempFolder();
        var files = Write(folder, RecordModel);

        var test = Yaml.Parse(DockerCli.StackConfigOrFail(files["docker-stack-edge.yml"]));
        var prod = Yaml.Parse(DockerCli.StackConfigOrFail(files["docker-stack-edge.yml"], files["docker-stack-edge.prod.yml"]));

        Assert.Equal(files["config/apisix/config.prod.yaml"], Yaml.Scalar(prod, "configs", "apisix_config", "file"));
        Assert.Contains("http://iklim-db-02:2379", File.ReadAllText(files["config/apisix/config.prod.yaml"]), StringComparison.Ordinal);
        // Docker configs are immutable: the file that differs must deploy under a name of its own.
        Assert.NotEqual(Yaml.Scalar(test, "configs", "apisix_config", "name"), Yaml.Scalar(prod, "configs", "apisix_config", "name"));
        Assert.Equal(GatewayFiles.ConfigTarget, Yaml.Scalar(Assert.Single(((YamlDotNet.RepresentationModel.YamlSequenceNode)Yaml.At(prod, "services", "apisix", "configs")).Children), "target"));
        Assert.Equal("docker-cli-test-edge_admin_key", Yaml.Scalar(prod, "services", "apisix", "environment", "EDGE_ADMIN_KEY"));
    }

    [Fact]
    public void RecordModel_EmitsWhatTheSameStackBuiltByTheDslEmits()
    {
        var stack = new StackBuilder("edge", "docker-stack-edge.yml");
        stack.Service("apisix").Image("apache/apisix:3.11.0-debian");
        stack.Gateway("apisix").Etcd(new[] { "http://etcd:2379" });
        stack.Profile("prod", prod => prod.Gateway("apisix")
            .Etcd(new[] { "http://iklim-db-01:2379", "http://iklim-db-02:2379" })
            .AdminApi("EDGE_ADMIN_KEY", "10.0.0.0/8"));
        var built = stack.Build().Model;

        Assert.Equal(RecordModel, built);
        Assert.Equal(StackArtefacts.Create(RecordModel), StackArtefacts.Create(built));
    }

    [Fact]
    public void TheMount_ChangesNoFinding()
    {
        foreach (var model in new[] { RecordModel, StackBuilder.Run(new IklimProd.InfraStack()).Model })
        {
            var deployed = GatewayConfigMounts.Of(model);

            Assert.NotEqual(model, deployed);
            Assert.Equal(model.Validate(), deployed.Validate());
        }
    }

    [Fact]
    public void TheMount_IsTheSameModelWithoutAGatewayConfig()
    {
        var model = RecordModel with
        {
            Base = RecordModel.Base with { Gateways = ValueList.Of(new GatewaySpec("apisix")) },
            Profiles = ValueList<ProfileModel>.Empty,
        };

        Assert.Same(model, GatewayConfigMounts.Of(model));
        Assert.DoesNotContain(StackArtefacts.Create(model), a => a.Path.StartsWith("config/", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Write(TempFolder folder, StackModel model) =>
        StackArtefacts.Create(model).ToDictionary(a => a.Path, a => folder.Write(a.Path, a.Content), StringComparer.Ordinal);
}
