using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// Long-syntax service mounts (<c>volume.nocopy</c>, <c>bind.propagation</c>, <c>tmpfs.size</c>): each option set in
/// C# is what <c>docker stack config</c> reads back, a mount without one stays short syntax, a profile's change
/// survives Docker's merge of base and overlay (Docker replaces an entry of the same target whole), and the files pass
/// the compose-spec schema and dclint.
/// </summary>
public sealed class LongSyntaxVolumeTests
{
    private static readonly BindPropagation[] Propagations = Enum.GetValues<BindPropagation>();

    private static StackModel Build()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Volume("data");
        stack.Volume("cache");
        var app = stack.Service("app").Image("nginx:1.27.2-alpine")
            .Volume("data", "/data")
            .Volume("cache", "/cache", noCopy: true)
            .Volume(Env.Var("CACHE_VOLUME", "cache"), "/cache2", readOnly: true, noCopy: true)
            .Bind("/srv/plain", "/plain", readOnly: true)
            .Bind("./static", "/static", propagation: BindPropagation.Rslave)
            .Tmpfs("/tmp", size: 64 * 1024 * 1024)
            .Tmpfs("/run/unbounded");
        for (var i = 0; i < Propagations.Length; i++)
        {
            app.Bind("/srv/p" + i, "/p" + i, readOnly: i % 2 == 0, propagation: Propagations[i]);
        }

        stack.Profile("prod", prod => prod.Service("app")
            .Bind("/srv/p2", "/p2")
            .Volume("data", "/data", noCopy: true)
            .Tmpfs("/tmp", size: 1024)
            .Tmpfs("/tmp/prod"));
        var result = stack.Build();
        Assert.Empty(result.Findings);
        return result.Model;
    }

    private static (string Base, string Overlay, string Effective) Write(TempFolder folder) => ProfileFiles.Write(folder, Build());

    [Fact]
    public void EveryOption_IsWhatDockerReadsBack()
    {
        using var folder = new TempFolder();
        var baseFile = Write(folder).Base;
        var docker = Yaml.Parse(DockerCli.StackConfigOrFail(baseFile));

        var nocopy = Yaml.Mount(docker, "/cache");
        Assert.Equal("volume", Yaml.Scalar(nocopy, "type"));
        Assert.Equal("cache", Yaml.Scalar(nocopy, "source"));
        Assert.Equal("true", Yaml.Scalar(nocopy, "volume", "nocopy"));
        Assert.Null(Yaml.Find(nocopy, "read_only"));

        // The fallback names the volume: Docker resolves the variable, then reads the mount as a volume.
        var fromVariable = Yaml.Mount(docker, "/cache2");
        Assert.Equal("cache", Yaml.Scalar(fromVariable, "source"));
        Assert.Equal("true", Yaml.Scalar(fromVariable, "read_only"));
        Assert.Equal("true", Yaml.Scalar(fromVariable, "volume", "nocopy"));

        for (var i = 0; i < Propagations.Length; i++)
        {
            var bind = Yaml.Mount(docker, "/p" + i);
            Assert.Equal("bind", Yaml.Scalar(bind, "type"));
            Assert.Equal("/srv/p" + i, Yaml.Scalar(bind, "source"));
            Assert.Equal(Propagations[i].ToString().ToLowerInvariant(), Yaml.Scalar(bind, "bind", "propagation"));
            Assert.Equal(i % 2 == 0 ? "true" : null, (Yaml.Find(bind, "read_only") as YamlScalarNode)?.Value);
        }

        // A relative bind source is the project's folder, re-based to the deploy folder, which Docker resolves.
        var relative = Yaml.Mount(docker, "/static");
        Assert.Equal(Path.Combine(folder.Path, "static"), Yaml.Scalar(relative, "source"));
        Assert.Equal("rslave", Yaml.Scalar(relative, "bind", "propagation"));

        var tmpfs = Yaml.Mount(docker, "/tmp");
        Assert.Equal("tmpfs", Yaml.Scalar(tmpfs, "type"));
        Assert.Null(Yaml.Find(tmpfs, "source"));
        Assert.Equal("67108864", Yaml.Scalar(tmpfs, "tmpfs", "size"));
        var unbounded = Yaml.Mount(docker, "/run/unbounded");
        Assert.Equal("tmpfs", Yaml.Scalar(unbounded, "type"));
        Assert.Null(Yaml.Find(unbounded, "tmpfs"));

        var plain = Yaml.Mount(docker, "/plain");
        Assert.Equal("bind", Yaml.Scalar(plain, "type"));
        Assert.Equal("true", Yaml.Scalar(plain, "read_only"));
        Assert.Null(Yaml.Find(plain, "bind"));
    }

    [Fact]
    public void AMountWithoutLongOnlyOptions_StaysShortSyntax()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Write(folder).Base);
        Assert.Contains("- data:/data\n", text, StringComparison.Ordinal);
        Assert.Contains("- /srv/plain:/plain:ro\n", text, StringComparison.Ordinal);
        Assert.Contains("type: tmpfs", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileChanges_SurviveDockersMergeOfBaseAndOverlay()
    {
        using var folder = new TempFolder();
        var (baseFile, overlay, effective) = Write(folder);
        var merged = DockerCli.StackConfigOrFail(baseFile, overlay);
        Assert.Equal(DockerCli.StackConfigOrFail(effective), merged);

        // Docker replaces a mount of the same target whole: the profile's bind has no propagation and is writable.
        var docker = Yaml.Parse(merged);
        var p2 = Yaml.Mount(docker, "/p2");
        Assert.Null(Yaml.Find(p2, "bind"));
        Assert.Null(Yaml.Find(p2, "read_only"));
        Assert.Equal("true", Yaml.Scalar(Yaml.Mount(docker, "/data"), "volume", "nocopy"));
        Assert.Equal("1024", Yaml.Scalar(Yaml.Mount(docker, "/tmp"), "tmpfs", "size"));
        Assert.Equal("tmpfs", Yaml.Scalar(Yaml.Mount(docker, "/tmp/prod"), "type"));
        Assert.Equal("shared", Yaml.Scalar(Yaml.Mount(docker, "/p3"), "bind", "propagation"));

        // The overlay carries only what changed.
        var overlayMounts = ((YamlSequenceNode)Yaml.At(Yaml.Parse(File.ReadAllText(overlay)), "services", "app", "volumes")).Children;
        Assert.Equal(4, overlayMounts.Count);
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
        { "size", () => new StackBuilder("s", "f.yml").Service("a").Tmpfs("/tmp", size: -1) },
        { "size", () => new StackBuilder("s", "f.yml").Service("a").Tmpfs("/tmp", size: 0) },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").Tmpfs("tmp") },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").Tmpfs(null!) },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").Volume("data", "data", noCopy: true) },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").Bind("/srv", "srv", propagation: BindPropagation.Shared) },
        { "propagation", () => new StackBuilder("s", "f.yml").Service("a").Bind("/srv", "/srv", propagation: (BindPropagation)42) },
        { "hostPath", () => new StackBuilder("s", "f.yml").Service("a").Bind("srv", "/srv", propagation: BindPropagation.Shared) },
        { "source", () => new StackBuilder("s", "f.yml").Service("a").Volume("/srv", "/srv", noCopy: true) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidValue_ThrowsNamingTheParameter(string parameter, Action call)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Tmpfs_IsNoStateOfTheService()
    {
        var stack = new StackBuilder("s", "f.yml");
        stack.Service("a").Image("nginx:1.27.2-alpine").Tmpfs("/tmp", size: 1024);
        Assert.Null(global::Iklim.StackSdk.Rules.ServiceTraits.StateMount(stack.Build().Model.Base.Service("a")!));
    }
}
