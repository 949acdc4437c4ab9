using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// <c>isolation</c> and <c>credential_spec</c>, the two service keys only Windows nodes act on: each call is what
/// <c>docker stack config</c> reads back, a profile's change survives Docker's merge of base and overlay, a profile
/// naming another credential source than the base's is IKS0004 (Docker's field-by-field merge keeps both, measured),
/// a credential spec config the stack does not declare is IKS0003, and the files pass the compose-spec schema and
/// dclint.
/// </summary>
public sealed class WindowsServiceKeysTests
{
    private static StackModel Build()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Config("gmsa").External();
        stack.Config("gmsa-prod").External();
        stack.Service("web").Image("mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022")
            .Isolation(Isolation.Process)
            .CredentialSpecConfig("gmsa");
        stack.Service("api").Image("mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022")
            .Isolation(Isolation.HyperV)
            .CredentialSpecFile("api.json");
        stack.Service("worker").Image("mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022")
            .Isolation(Isolation.Default)
            .CredentialSpecRegistry("worker01");
        stack.Profile("prod", prod =>
        {
            prod.Service("web").Isolation(Isolation.HyperV).CredentialSpecConfig("gmsa-prod");
            prod.Service("api").CredentialSpecFile("prod/api.json");
            prod.Service("batch").Image("mcr.microsoft.com/windows/nanoserver:ltsc2022").CredentialSpecRegistry("batch01");
        });
        var result = stack.Build();
        Assert.Empty(result.Findings);
        return result.Model;
    }

    private static (string Base, string Overlay, string Effective) Write(TempFolder folder) => ProfileFiles.Write(folder, Build());

    [Fact]
    public void EveryCall_IsWhatDockerReadsBack()
    {
        using var folder = new TempFolder();
        var docker = Yaml.Parse(DockerCli.StackConfigOrFail(Write(folder).Base));

        Assert.Equal("process", Yaml.Scalar(docker, "services", "web", "isolation"));
        Assert.Equal("hyperv", Yaml.Scalar(docker, "services", "api", "isolation"));
        Assert.Equal("default", Yaml.Scalar(docker, "services", "worker", "isolation"));
        Assert.Equal(new[] { "config" }, Keys(Yaml.At(docker, "services", "web", "credential_spec")));
        Assert.Equal("gmsa", Yaml.Scalar(docker, "services", "web", "credential_spec", "config"));
        Assert.Equal(new[] { "file" }, Keys(Yaml.At(docker, "services", "api", "credential_spec")));
        Assert.Equal("api.json", Yaml.Scalar(docker, "services", "api", "credential_spec", "file"));
        Assert.Equal(new[] { "registry" }, Keys(Yaml.At(docker, "services", "worker", "credential_spec")));
        Assert.Equal("worker01", Yaml.Scalar(docker, "services", "worker", "credential_spec", "registry"));

        // The config is not mounted: Docker adds a runtime reference at deploy, not a configs entry.
        Assert.Null(Yaml.Find(docker, "services", "web", "configs"));
    }

    [Fact]
    public void ProfileChanges_SurviveDockersMergeOfBaseAndOverlay()
    {
        using var folder = new TempFolder();
        var (baseFile, overlay, effective) = Write(folder);
        var merged = DockerCli.StackConfigOrFail(baseFile, overlay);
        Assert.Equal(DockerCli.StackConfigOrFail(effective), merged);

        var docker = Yaml.Parse(merged);
        Assert.Equal("hyperv", Yaml.Scalar(docker, "services", "web", "isolation"));
        Assert.Equal("gmsa-prod", Yaml.Scalar(docker, "services", "web", "credential_spec", "config"));
        Assert.Equal("prod/api.json", Yaml.Scalar(docker, "services", "api", "credential_spec", "file"));
        Assert.Equal("batch01", Yaml.Scalar(docker, "services", "batch", "credential_spec", "registry"));

        // The overlay leaves out what the profile did not change.
        var overlayStack = Yaml.Parse(File.ReadAllText(overlay));
        Assert.Null(Yaml.Find(overlayStack, "services", "api", "isolation"));
        Assert.Null(Yaml.Find(overlayStack, "services", "worker"));
    }

    [Fact]
    public void AProfileNamingAnotherCredentialSource_IsIks0004_BecauseDockerKeepsBoth()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Config("gmsa").External();
        stack.Service("web").Image("nginx:1.27.2-alpine").CredentialSpecConfig("gmsa");
        stack.Profile("prod", prod => prod.Service("web").CredentialSpecFile("web.json"));
        var model = stack.Build().Model;
        var plan = OverlayPlanner.Plan(model.Base, model.Profiles[0]);

        var finding = Assert.Single(plan.Findings);
        Assert.Equal("IKS0004", finding.Id);
        Assert.Equal(nameof(IServiceBuilder.CredentialSpecFile), finding.Where.Key);

        // What the finding says is what Docker does: the merge has both sources.
        using var folder = new TempFolder();
        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(
            folder.Write("base.yml", ComposeFileEmitter.Emit(model.Base)),
            folder.Write("prod.yml", ComposeFileEmitter.Emit(plan.Overlay))));
        Assert.Equal(new[] { "config", "file" }, Keys(Yaml.At(merged, "services", "web", "credential_spec")));
    }

    [Fact]
    public void AProfileKeepingTheBasesKindOfSource_ReplacesIt()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Service("web").Image("nginx:1.27.2-alpine").CredentialSpecFile("a.json");
        stack.Profile("prod", prod => prod.Service("web").CredentialSpecFile("b.json"));
        var model = stack.Build().Model;
        Assert.Empty(OverlayPlanner.Plan(model.Base, model.Profiles[0]).Findings);
    }

    [Fact]
    public void AnUndeclaredCredentialSpecConfig_IsIks0003AtTheCall()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Service("web").Image("nginx:1.27.2-alpine").CredentialSpecConfig("gmsa");
        var finding = Assert.Single(stack.Build().Findings, f => f.Id == "IKS0003");
        Assert.Equal(nameof(IServiceBuilder.CredentialSpecConfig), finding.Where.Key);
        Assert.Contains("'gmsa'", finding.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    [Trait("Category", "Lint")]
    public void Files_PassComposeSchemaAndDclint()
    {
        using var folder = new TempFolder();
        var (baseFile, overlay, effective) = Write(folder);
        ComposeLint.AssertSchemaAndDclint(folder, baseFile, overlay, effective);
    }

    public static readonly TheoryData<string, Action> Invalid = new()
    {
        { "isolation", () => Service().Isolation((Isolation)7) },
        { "config", () => Service().CredentialSpecConfig("") },
        { "config", () => Service().CredentialSpecConfig("not a name") },
        { "config", () => Service().CredentialSpecConfig(null!) },
        { "fileName", () => Service().CredentialSpecFile("") },
        { "fileName", () => Service().CredentialSpecFile("C:\\ProgramData\\docker\\CredentialSpecs\\a.json") },
        { "fileName", () => Service().CredentialSpecFile("/a.json") },
        { "fileName", () => Service().CredentialSpecFile("../a.json") },
        { "fileName", () => Service().CredentialSpecFile("sub\\..\\..\\a.json") },
        { "valueName", () => Service().CredentialSpecRegistry("") },
        { "valueName", () => Service().CredentialSpecRegistry("Containers\\CredentialSpecs\\app") },
        { "fileName", () => Service().CredentialSpecConfig("gmsa").CredentialSpecFile("a.json") },
        { "valueName", () => Service().CredentialSpecFile("a.json").CredentialSpecRegistry("app") },
        { "config", () => Service().CredentialSpecRegistry("app").CredentialSpecConfig("gmsa") },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidValue_ThrowsNamingTheParameter(string parameter, Action call)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void TheSameKindOfSourceAgain_ReplacesTheFirst_WithTheUsualWarning()
    {
        var stack = new StackBuilder("s", "f.yml");
        stack.Config("b").External();
        stack.Service("a").Image("nginx:1.27.2-alpine").CredentialSpecConfig("a").CredentialSpecConfig("b");
        var result = stack.Build();
        Assert.Equal("IKS0005", Assert.Single(result.Findings).Id);
        Assert.Equal(new CredentialSpec("b", null, null), result.Model.Base.Service("a")!.CredentialSpec);
    }

    private static IServiceBuilder Service() => new StackBuilder("s", "f.yml").Service("a");

    private static string[] Keys(YamlNode node) => ((YamlMappingNode)node).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToArray();
}
