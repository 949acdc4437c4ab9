using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;
using Iklim.StackSdk.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// Cluster (CSI) mounts, <c>.ClusterVolume</c> and <c>.ClusterVolumeGroup</c>: what <c>docker stack config</c> reads
/// back, Docker's merge of a profile's mount of the same target (replaced whole, whatever the types), the schema and
/// dclint, the refusals Docker makes at deploy, and how the rules read a cluster mount.
/// </summary>
public sealed class ClusterVolumeTests
{
    private static StackModel Build()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Volume("pgdata");
        stack.Volume("shared").Named("csi-shared");
        stack.Volume("local");
        stack.Volume("made-by-hand").External();
        stack.Service("app").Image("nginx:1.27.2-alpine")
            .ClusterVolume("pgdata", "/data")
            .ClusterVolume("shared", "/shared", readOnly: true)
            .ClusterVolumeGroup("pg", "/group")
            .Volume("local", "/local", noCopy: true)
            .ClusterVolume("pgdata", "/was-cluster")
            .ClusterVolume("made-by-hand", "/external");
        stack.Profile("prod", prod => prod.Service("app")
            .ClusterVolume("pgdata", "/local")
            .ClusterVolumeGroup("pg-prod", "/group", readOnly: true)
            .Volume("local", "/was-cluster"));
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

        var data = Yaml.Mount(docker, "/data");
        Assert.Equal("cluster", Yaml.Scalar(data, "type"));
        Assert.Equal("pgdata", Yaml.Scalar(data, "source"));
        Assert.Null(Yaml.Find(data, "read_only"));

        var shared = Yaml.Mount(docker, "/shared");
        Assert.Equal("cluster", Yaml.Scalar(shared, "type"));
        Assert.Equal("shared", Yaml.Scalar(shared, "source"));
        Assert.Equal("true", Yaml.Scalar(shared, "read_only"));

        var group = Yaml.Mount(docker, "/group");
        Assert.Equal("cluster", Yaml.Scalar(group, "type"));
        Assert.Equal("group:pg", Yaml.Scalar(group, "source"));

        // The names the converter mounts: a volume's name: when set, and an external volume's own name (Docker's
        // loader gives it name: made-by-hand), else <stack>_<volume>.
        Assert.Equal("csi-shared", Yaml.Scalar(docker, "volumes", "shared", "name"));
        Assert.Equal("made-by-hand", Yaml.Scalar(docker, "volumes", "made-by-hand", "name"));
        Assert.Equal("cluster", Yaml.Scalar(Yaml.Mount(docker, "/external"), "type"));
        Assert.Null(Yaml.Find(Yaml.At(docker, "volumes", "pgdata"), "name"));

        // A cluster mount carries no options: Docker's schema refuses a cluster: mapping (measured, 3.8, 3.9 and no version), and the converter's is empty.
        Assert.Equal(new[] { "type", "source", "target" }, ((YamlMappingNode)data).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void ProfileChanges_SurviveDockersMergeOfBaseAndOverlay()
    {
        using var folder = new TempFolder();
        var (baseFile, overlay, effective) = Write(folder);
        var merged = DockerCli.StackConfigOrFail(baseFile, overlay);
        Assert.Equal(DockerCli.StackConfigOrFail(effective), merged);

        // Docker replaces a mount of the same target whole, across types: the volume's nocopy is gone under the
        // cluster mount, and the plain volume over a cluster mount is a volume again.
        var docker = Yaml.Parse(merged);
        var local = Yaml.Mount(docker, "/local");
        Assert.Equal("cluster", Yaml.Scalar(local, "type"));
        Assert.Equal("pgdata", Yaml.Scalar(local, "source"));
        Assert.Null(Yaml.Find(local, "volume"));
        var group = Yaml.Mount(docker, "/group");
        Assert.Equal("group:pg-prod", Yaml.Scalar(group, "source"));
        Assert.Equal("true", Yaml.Scalar(group, "read_only"));
        var wasCluster = Yaml.Mount(docker, "/was-cluster");
        Assert.Equal("volume", Yaml.Scalar(wasCluster, "type"));
        Assert.Equal("local", Yaml.Scalar(wasCluster, "source"));
        Assert.Equal("cluster", Yaml.Scalar(Yaml.Mount(docker, "/data"), "type"));

        var overlayMounts = ((YamlSequenceNode)Yaml.At(Yaml.Parse(File.ReadAllText(overlay)), "services", "app", "volumes")).Children;
        Assert.Equal(3, overlayMounts.Count);
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
        { "volume", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolume("", "/data") },
        { "volume", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolume(null!, "/data") },
        { "volume", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolume("/srv/data", "/data") },
        { "volume", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolume("group:pg", "/data") },
        { "volume", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolume(Env.Var("PG_VOLUME", "pgdata"), "/data") },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolume("pgdata", "data") },
        { "group", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolumeGroup("", "/data") },
        { "group", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolumeGroup(null!, "/data") },
        { "group", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolumeGroup("group:pg", "/data") },
        { "target", () => new StackBuilder("s", "f.yml").Service("a").ClusterVolumeGroup("pg", "") },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidValue_ThrowsNamingTheParameter(string parameter, Action call)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
    }

    // Docker refuses it at deploy (undefined volume "pgdata"), as for a type: volume mount: IKS0003 at the mount.
    [Fact]
    public void AnUndeclaredVolume_IsIks0003AtTheMount_AndAGroupNeedsNoDeclaration()
    {
        var stack = new StackBuilder("s", "f.yml");
        stack.Service("a").Image("nginx:1.27.2-alpine").ClusterVolume("pgdata", "/data").ClusterVolumeGroup("pg", "/group");
        var finding = Assert.Single(stack.Build().Findings);
        Assert.Equal("IKS0003", finding.Id);
        Assert.Equal("Volume:/data", finding.Where.Key);
        Assert.Contains("stack.Volume(\"pgdata\")", finding.Message, StringComparison.Ordinal);
    }

    // The DSL cannot see a cluster volume's sharing mode: a writable one counts as the service's state, so a second
    // replica on one node is IKS0101, as for any writable volume.
    [Fact]
    public void AWritableClusterMount_IsStateOfTheService_AReadOnlyOneIsNot()
    {
        var stack = new StackBuilder("s", "f.yml");
        stack.Volume("pgdata");
        stack.Service("a").Image("app:1.0.0").ClusterVolumeGroup("pg", "/data").Replicas(2);
        stack.Service("b").Image("app:1.0.0").ClusterVolume("pgdata", "/data", readOnly: true).Replicas(2);
        var findings = stack.Build().Findings;
        var finding = Assert.Single(findings);
        Assert.Equal("IKS0101", finding.Id);
        Assert.Equal("a", finding.Where.Name);
    }

    // A cluster volume is the CSI plugin's storage, not one node's: a task that moves finds its data.
    [Fact]
    public void AClusterMountOfALocalDriverVolume_IsNotNodeLocalState()
    {
        IReadOnlyList<Finding> Findings(Action<IServiceBuilder> mount) => RuleStack.Findings("IKS0111", s =>
        {
            s.Node("m1");
            s.Node("m2");
            s.Volume("pgdata");
            mount(s.Service("db").Image("app:1.0.0"));
        });

        Assert.Empty(Findings(db => db.ClusterVolume("pgdata", "/data")));
        Assert.Single(Findings(db => db.Volume("pgdata", "/data")));
    }
}
