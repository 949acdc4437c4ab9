using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// Named-pipe mounts, <c>.NamedPipe(pipe, target)</c> (<c>type: npipe</c>, Windows nodes only): what
/// <c>docker stack config</c> reads back (the backslashes exactly), Docker's merge of a profile's pipe of the same
/// target, the schema and dclint, the refusals, and how the rules read a pipe (no state; IKS0118 when placed on Linux).
/// </summary>
public sealed class NamedPipeTests
{
    private const string DockerEngine = @"\\.\pipe\docker_engine";

    private static StackModel Build()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Service("agent").Image("mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022")
            .NamedPipe(DockerEngine, DockerEngine)
            .NamedPipe("//./pipe/containerd-containerd", "//./pipe/containerd")
            .Constraint("node.platform.os == windows");
        stack.Profile("prod", prod => prod.Service("agent")
            .NamedPipe(@"\\.\pipe\docker_engine_prod", DockerEngine));
        var result = stack.Build();
        Assert.Empty(result.Findings);
        return result.Model;
    }

    private static (string Base, string Overlay, string Effective) Write(TempFolder folder) => ProfileFiles.Write(folder, Build());

    private static IReadOnlyList<YamlNode> Mounts(YamlNode stack) =>
        ((YamlSequenceNode)Yaml.At(stack, "services", "agent", "volumes")).Children.ToList();

    [Fact]
    public void EveryCall_IsWhatDockerReadsBack()
    {
        using var folder = new TempFolder();
        var docker = Yaml.Parse(DockerCli.StackConfigOrFail(Write(folder).Base));

        var engine = Yaml.Mount(docker, DockerEngine, "agent");
        Assert.Equal("npipe", Yaml.Scalar(engine, "type"));
        Assert.Equal(DockerEngine, Yaml.Scalar(engine, "source"));
        Assert.Equal(new[] { "type", "source", "target" }, ((YamlMappingNode)engine).Children.Keys.Select(k => ((YamlScalarNode)k).Value));

        var slashes = Yaml.Mount(docker, "//./pipe/containerd", "agent");
        Assert.Equal("npipe", Yaml.Scalar(slashes, "type"));
        Assert.Equal("//./pipe/containerd-containerd", Yaml.Scalar(slashes, "source"));
        Assert.Equal(2, Mounts(docker).Count);
    }

    [Fact]
    public void ProfileChanges_SurviveDockersMergeOfBaseAndOverlay()
    {
        using var folder = new TempFolder();
        var (baseFile, overlay, effective) = Write(folder);
        var merged = DockerCli.StackConfigOrFail(baseFile, overlay);
        Assert.Equal(DockerCli.StackConfigOrFail(effective), merged);

        var docker = Yaml.Parse(merged);
        Assert.Equal(@"\\.\pipe\docker_engine_prod", Yaml.Scalar(Yaml.Mount(docker, DockerEngine, "agent"), "source"));
        Assert.Equal(2, Mounts(docker).Count);
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
        { "pipe", () => new StackBuilder("s", "f.yml").Service("a").NamedPipe("", DockerEngine) },
        { "pipe", () => new StackBuilder("s", "f.yml").Service("a").NamedPipe(null!, DockerEngine) },
        { "pipe", () => new StackBuilder("s", "f.yml").Service("a").NamedPipe("/var/run/docker.sock", DockerEngine) },
        { "pipe", () => new StackBuilder("s", "f.yml").Service("a").NamedPipe(@"\\.\pipe\", DockerEngine) },
        { "pipe", () => new StackBuilder("s", "f.yml").Service("a").NamedPipe(@"C:\pipe\docker_engine", DockerEngine) },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").NamedPipe(DockerEngine, "") },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").NamedPipe(DockerEngine, "/var/run/docker.sock") },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidValue_ThrowsNamingTheParameter(string parameter, Action call)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
    }

    // RemoveVolume takes a pipe's target as it takes a path; a profile removing a base mount is IKS0004 for every type.
    [Fact]
    public void RemovingAPipeInAProfile_IsIks0004AsForAnyMount()
    {
        var stack = new StackBuilder("s", "f.yml");
        stack.Service("a").Image("app:1.0.0").NamedPipe(DockerEngine, DockerEngine);
        stack.Profile("prod", prod => prod.Service("a").RemoveVolume(DockerEngine));
        var finding = Assert.Single(stack.Build().Findings);
        Assert.Equal("IKS0004", finding.Id);
        Assert.Equal("Remove:volume:" + DockerEngine, finding.Where.Key);
    }

    // A pipe is the node's endpoint, as the Docker socket is on Linux: no state, so two replicas are no IKS0101.
    [Fact]
    public void APipe_IsNoStateOfTheService()
    {
        var stack = new StackBuilder("s", "f.yml");
        stack.Service("a").Image("app:1.0.0").NamedPipe(DockerEngine, DockerEngine).Replicas(2);
        Assert.Empty(stack.Build().Findings);
    }

    // A Linux engine rejects every task with an npipe mount (measured: invalid mount config for type "npipe": mount type unknown).
    [Fact]
    public void APipeOnALinuxPlacedService_IsIks0118AtTheMount()
    {
        var stack = new StackBuilder("s", "f.yml");
        stack.Service("a").Image("app:1.0.0").NamedPipe(DockerEngine, DockerEngine).Constraint("node.platform.os == linux");
        stack.Service("b").Image("app:1.0.0").NamedPipe(DockerEngine, DockerEngine).Constraint("node.platform.os == windows");
        var finding = Assert.Single(stack.Build().Findings);
        Assert.Equal("IKS0118", finding.Id);
        Assert.Equal("a", finding.Where.Name);
        Assert.Equal("Volume:" + DockerEngine, finding.Where.Key);
        Assert.Contains(@"the npipe mount \\.\pipe\docker_engine", finding.Message, StringComparison.Ordinal);
        Assert.Contains("mount type unknown", finding.Message, StringComparison.Ordinal);
    }
}
