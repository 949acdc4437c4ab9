using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// The top-level keys Swarm honours (network <c>internal</c>/<c>ipam</c>/<c>labels</c>/<c>driver_opts</c>, volume
/// <c>labels</c>, secret and config <c>template_driver</c>/<c>labels</c>) and the service's secret and config
/// references with <c>uid</c>/<c>gid</c>/<c>mode</c> and bare targets: each value set in C# is what
/// <c>docker stack config</c> reads back, a profile's change survives Docker's merge of base and overlay, and the
/// files pass the compose-spec schema and dclint. <c>name</c> and <c>external</c> ride along.
/// </summary>
public sealed class TopLevelKeysTests
{
    private static StackBuildResult Build()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Network("backend").Driver("overlay").DriverOption("encrypted", "true").Internal()
            .Label("com.example.team", "platform").IpamDriver("default").Subnet("10.20.0.0/24").Subnet("fd00:20::/64");
        stack.Network("edge").External().Named("iklimco-net");
        stack.Volume("data").Driver("local").Named("app-data").Label("com.example.backup", "daily");
        stack.Secret("db_password").File("./secrets/db_password").TemplateDriver("golang").Label("com.example.rotate", "90d");
        stack.Config("app_config").File("./config/app.conf").TemplateDriver("golang").Label("com.example.owner", "ops");
        stack.Secret("api_key").Driver("vault-secrets").DriverOption("path", "secret/data/api").DriverOption("ttl", "30").Named("api-key-v2");
        stack.Service("app").Image("nginx:1.27.2-alpine").Network("backend").Volume("data", "/data")
            .Secret("db_password", "postgres_password", uid: "999", gid: "998", mode: "0400")
            .Config("app_config", "app.conf", mode: "0440");
        stack.Service("worker").Image("nginx:1.27.2-alpine").Secret("api_key");
        stack.Profile("prod", prod =>
        {
            prod.Secret("api_key").Driver("vault-secrets").DriverOption("path", "secret/data/api-prod");
            prod.Network("backend").Driver("overlay").DriverOption("encrypted", "true").Internal()
                .Label("com.example.team", "platform").Label("com.example.tier", "prod").IpamDriver("default").Subnet("10.30.0.0/24");
            prod.Volume("data").Driver("local").Label("com.example.backup", "hourly");
            prod.Secret("db_password").File("./secrets/db_password.prod").Label("com.example.rotate", "30d");
            prod.Service("app").Secret("db_password", "/run/secrets/pg", mode: "0440");
        });
        var result = stack.Build();
        Assert.Empty(result.Findings);
        return result;
    }

    private static (string Base, string Overlay, string Effective) Write(TempFolder folder)
    {
        var model = Build().Model;
        folder.Write("secrets/db_password", "x");
        folder.Write("secrets/db_password.prod", "y");
        folder.Write("config/app.conf", "{{ .Service.Name }}");
        return ProfileFiles.Write(folder, model, deployFolder: string.Empty);
    }

    [Fact]
    public void EveryKey_IsWhatDockerReadsBack()
    {
        using var folder = new TempFolder();
        var docker = Yaml.Parse(DockerCli.StackConfigOrFail(Write(folder).Base));

        Assert.Equal("true", Yaml.Scalar(docker, "networks", "backend", "internal"));
        Assert.Equal("true", Yaml.Scalar(docker, "networks", "backend", "driver_opts", "encrypted"));
        Assert.Equal("platform", Yaml.Scalar(docker, "networks", "backend", "labels", "com.example.team"));
        Assert.Equal("default", Yaml.Scalar(docker, "networks", "backend", "ipam", "driver"));
        var subnets = ((YamlSequenceNode)Yaml.At(docker, "networks", "backend", "ipam", "config")).Children.Select(c => Yaml.Scalar(c, "subnet"));
        Assert.Equal(new[] { "10.20.0.0/24", "fd00:20::/64" }, subnets);
        Assert.Equal("daily", Yaml.Scalar(docker, "volumes", "data", "labels", "com.example.backup"));
        Assert.Equal("app-data", Yaml.Scalar(docker, "volumes", "data", "name"));
        Assert.Equal("iklimco-net", Yaml.Scalar(docker, "networks", "edge", "name"));
        Assert.Equal("true", Yaml.Scalar(docker, "networks", "edge", "external"));
        Assert.Equal("golang", Yaml.Scalar(docker, "secrets", "db_password", "template_driver"));
        Assert.Equal("90d", Yaml.Scalar(docker, "secrets", "db_password", "labels", "com.example.rotate"));
        Assert.Equal("golang", Yaml.Scalar(docker, "configs", "app_config", "template_driver"));
        Assert.Equal("ops", Yaml.Scalar(docker, "configs", "app_config", "labels", "com.example.owner"));
        Assert.Equal("vault-secrets", Yaml.Scalar(docker, "secrets", "api_key", "driver"));
        Assert.Equal(new[] { "path", "ttl" }, Yaml.Keys(docker, "secrets", "api_key", "driver_opts"));
        Assert.Equal("secret/data/api", Yaml.Scalar(docker, "secrets", "api_key", "driver_opts", "path"));
        Assert.Equal("30", Yaml.Scalar(docker, "secrets", "api_key", "driver_opts", "ttl"));
        Assert.Equal("api-key-v2", Yaml.Scalar(docker, "secrets", "api_key", "name"));
        Assert.Null(Yaml.Find(docker, "secrets", "api_key", "file"));

        var secret = Assert.Single(((YamlSequenceNode)Yaml.At(docker, "services", "app", "secrets")).Children);
        Assert.Equal("postgres_password", Yaml.Scalar(secret, "target"));
        Assert.Equal("999", Yaml.Scalar(secret, "uid"));
        Assert.Equal("998", Yaml.Scalar(secret, "gid"));
        Assert.Equal(Convert.ToInt32("400", 8).ToString(System.Globalization.CultureInfo.InvariantCulture), Yaml.Scalar(secret, "mode"));
        var config = Assert.Single(((YamlSequenceNode)Yaml.At(docker, "services", "app", "configs")).Children);
        Assert.Equal("app.conf", Yaml.Scalar(config, "target"));
        Assert.Equal(Convert.ToInt32("440", 8).ToString(System.Globalization.CultureInfo.InvariantCulture), Yaml.Scalar(config, "mode"));
        Assert.Null(Yaml.Find(config, "uid"));
    }

    [Fact]
    public void ProfileChanges_SurviveDockersMergeOfBaseAndOverlay()
    {
        using var folder = new TempFolder();
        var (baseFile, overlay, effective) = Write(folder);
        var merged = DockerCli.StackConfigOrFail(baseFile, overlay);
        Assert.Equal(DockerCli.StackConfigOrFail(effective), merged);

        // Docker replaces a top-level entry whole: the overlay restates what the profile kept.
        var docker = Yaml.Parse(merged);
        Assert.Equal(new[] { "com.example.team", "com.example.tier" }, Yaml.Keys(docker, "networks", "backend", "labels"));
        Assert.Equal("true", Yaml.Scalar(docker, "networks", "backend", "internal"));
        Assert.Equal("10.30.0.0/24", Yaml.Scalar(Assert.Single(((YamlSequenceNode)Yaml.At(docker, "networks", "backend", "ipam", "config")).Children), "subnet"));
        Assert.Equal("hourly", Yaml.Scalar(docker, "volumes", "data", "labels", "com.example.backup"));
        Assert.Null(Yaml.Find(docker, "secrets", "db_password", "template_driver"));
        Assert.Equal(new[] { "path" }, Yaml.Keys(docker, "secrets", "api_key", "driver_opts"));
        Assert.Equal("secret/data/api-prod", Yaml.Scalar(docker, "secrets", "api_key", "driver_opts", "path"));
        Assert.Null(Yaml.Find(docker, "secrets", "api_key", "name"));

        // A reference is replaced whole too: the profile's has no uid, so the base's 999 is gone.
        var secret = Assert.Single(((YamlSequenceNode)Yaml.At(docker, "services", "app", "secrets")).Children);
        Assert.Equal("/run/secrets/pg", Yaml.Scalar(secret, "target"));
        Assert.Null(Yaml.Find(secret, "uid"));
        Assert.Equal("288", Yaml.Scalar(secret, "mode"));
    }

    [SkippableFact]
    [Trait("Category", "Lint")]
    public void Files_PassComposeSchemaAndDclint()
    {
        using var folder = new TempFolder();
        var (baseFile, overlay, effective) = Write(folder);
        ComposeLint.AssertSchemaAndDclint(folder, baseFile, overlay, effective);
    }

    [Fact]
    public void EncryptedOverlay_IsReachableThroughDriverOption()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Network("proxy").Driver("overlay").DriverOption("encrypted", "true");
        var yaml = ComposeFileEmitter.Emit(stack.Build().Model.Base);
        using var folder = new TempFolder();
        var docker = Yaml.Parse(DockerCli.StackConfigOrFail(folder.Write("s.yml", yaml)));
        Assert.Equal("true", Yaml.Scalar(docker, "networks", "proxy", "driver_opts", "encrypted"));
    }

    [Fact]
    public void BareSecretName_IsAcceptedAndEmittedWithoutDefaults()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Secret("token").External();
        stack.Service("app").Image("nginx:1.27.2-alpine").Secret("token", "token.txt");
        var yaml = ComposeFileEmitter.Emit(stack.Build().Model.Base);
        Assert.Contains("target: token.txt", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("mode", yaml, StringComparison.Ordinal);
    }

    public static readonly TheoryData<string, Action> Invalid = new()
    {
        { "cidr", () => new StackBuilder("s", "f.yml").Network("n").Subnet("10.1/24") },
        { "cidr", () => new StackBuilder("s", "f.yml").Network("n").Subnet("10.0.0.0/33") },
        { "cidr", () => new StackBuilder("s", "f.yml").Network("n").Subnet("fd00::/129") },
        { "cidr", () => new StackBuilder("s", "f.yml").Network("n").Subnet("10.0.0.0/") },
        { "cidr", () => new StackBuilder("s", "f.yml").Network("n").Subnet("subnet") },
        { "cidr", () => new StackBuilder("s", "f.yml").Network("n").Subnet("10.0.0.0/\u0662\u0664") },
        { "cidr", () => new StackBuilder("s", "f.yml").Network("n").Subnet("fe80::1%eth0/64") },
        { "driver", () => new StackBuilder("s", "f.yml").Network("n").IpamDriver("") },
        { "name", () => new StackBuilder("s", "f.yml").Network("n").Label("", "x") },
        { "name", () => new StackBuilder("s", "f.yml").Volume("v").Label("", "x") },
        { "driver", () => new StackBuilder("s", "f.yml").Config("c").TemplateDriver("") },
        { "value", () => new StackBuilder("s", "f.yml").Secret("c").Label("a", null!) },
        { "driver", () => new StackBuilder("s", "f.yml").Secret("c").Driver("") },
        { "driver", () => new StackBuilder("s", "f.yml").Config("c").Driver("vault") },
        { "driver", () => new StackBuilder("s", "f.yml").Secret("c").File("./c").Driver("vault") },
        { "path", () => new StackBuilder("s", "f.yml").Secret("c").Driver("vault").File("./c") },
        { "driver", () => new StackBuilder("s", "f.yml").Secret("c").External().Driver("vault") },
        { "name", () => new StackBuilder("s", "f.yml").Secret("c").DriverOption("path", "x") },
        { "name", () => new StackBuilder("s", "f.yml").Secret("c").Driver("vault").DriverOption("", "x") },
        { "value", () => new StackBuilder("s", "f.yml").Secret("c").Driver("vault").DriverOption("path", null!) },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").Secret("x", "sub/dir") },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").Config("x", "..") },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").Config("x", "a:b") },
        { "mode", () => new StackBuilder("s", "f.yml").Service("a").Secret("x", mode: "0890") },
        { "mode", () => new StackBuilder("s", "f.yml").Service("a").Secret("x", mode: "17777") },
        { "mode", () => new StackBuilder("s", "f.yml").Service("a").Config("x", mode: "") },
        { "uid", () => new StackBuilder("s", "f.yml").Service("a").Secret("x", uid: "root") },
        { "gid", () => new StackBuilder("s", "f.yml").Service("a").Config("x", gid: "-1") },
        { "uid", () => new StackBuilder("s", "f.yml").Service("a").Config("x", uid: "${UID\uD800}") },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidValue_ThrowsNamingTheParameter(string parameter, Action call)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
    }

    // Swarm skips an external secret whole (convert.Secrets), so a driver beside External() would be dropped unseen.
    [Fact]
    public void ExternalAfterDriver_IsRefused()
    {
        var secret = new StackBuilder("s", "f.yml").Secret("c").Driver("vault");

        var error = Assert.ThrowsAny<ArgumentException>(() => secret.External());
        Assert.Contains("external and has a driver", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsOnAnExternalVolume_AreRefusedAsDockerRefusesThem()
    {
        using var folder = new TempFolder();
        Assert.NotEqual(0, DockerCli.StackConfig(folder.Write("v.yml", "services: {}\nvolumes:\n  data:\n    external: true\n    labels: {a: b}\n")).ExitCode);

        Assert.Contains("Docker refuses labels", Assert.Throws<ArgumentException>(() => new StackBuilder("s", "f.yml").Volume("data").External().Label("a", "b")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new StackBuilder("s", "f.yml").Volume("data").Label("a", "b").External());
    }

    [Theory]
    [InlineData("0440", 288)]
    [InlineData("440", 288)]
    [InlineData("0o600", 384)]
    [InlineData("07777", 4095)]
    public void Mode_IsReadAsOctal(string mode, int expected)
    {
        var stack = new StackBuilder("s", "f.yml");
        stack.Service("a").Secret("x", mode: mode);
        Assert.Equal(expected, stack.Build().Model.Base.Service("a")!.Secrets[0].Mode);
    }
}
