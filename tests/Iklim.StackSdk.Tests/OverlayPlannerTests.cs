using System.Globalization;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// The overlay is minimal, and what Docker's merge cannot express is IKS0004 naming the service, the key and
/// what to do instead. Each inexpressible case is also shown to be real with the docker CLI where it can be.
/// </summary>
public sealed class OverlayPlannerTests
{
    private static StackBuildResult Build(Action<IStackBuilder> configure)
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Network("net");
        configure(stack);
        return stack.Build();
    }

    private static IServiceBuilder Web(IStackBuilder stack) =>
        stack.Service("web").Image("nginx:1.27.2-alpine").Network("net").Replicas(2).Constraint("node.labels.type == service")
            .Environment("MODE", "base").Port(8080, 80);

    [Fact]
    public void Disable_BecomesReplicasZero()
    {
        var result = Build(stack =>
        {
            Web(stack);
            stack.Profile("prod", prod => prod.Service("web").Disable());
        });

        Assert.Empty(result.Findings);
        var overlay = OverlayPlanner.Plan(result.Model.Base, result.Model.Profiles[0]).Overlay;
        Assert.Equal(0, overlay.Service("web")!.Replicas);
        Assert.Contains("replicas: 0", ComposeFileEmitter.Emit(overlay), StringComparison.Ordinal);
    }

    [Fact]
    public void UnchangedSettings_AreLeftOutOfTheOverlay()
    {
        var result = Build(stack =>
        {
            Web(stack);
            stack.Service("idle").Image("busybox:1.36.1");
            stack.Profile("prod", prod =>
            {
                prod.Network("net");
                prod.Service("web").Image("nginx:1.27.2-alpine").Replicas(3).Constraint("node.labels.type == service").Environment("MODE", "base").Environment("EXTRA", "1");
                prod.Service("idle").Image("busybox:1.36.1");
            });
        });

        var overlay = OverlayPlanner.Plan(result.Model.Base, result.Model.Profiles[0]).Overlay;
        var web = Assert.Single(overlay.Services);
        Assert.Equal(new ServiceSpecView("web", null, 3, 0, new[] { "EXTRA" }), ServiceSpecView.Of(web));
        Assert.True(overlay.Networks.IsEmpty);
    }

    [Fact]
    public void NewServiceInProfile_IsWrittenWhole()
    {
        var result = Build(stack =>
        {
            Web(stack);
            stack.Profile("prod", prod => prod.Service("worker").Image("busybox:1.36.1").Replicas(2).Constraint("node.role == worker"));
        });

        var worker = OverlayPlanner.Plan(result.Model.Base, result.Model.Profiles[0]).Overlay.Service("worker");
        Assert.Equal(result.Model.Profiles[0].Changes.Service("worker"), worker);
    }

    public static readonly TheoryData<string, string, Action<IProfileBuilder>> Inexpressible = new()
    {
        { "Remove:constraint:node.labels.type == service", "cannot remove constraint", p => p.Service("web").RemoveConstraint("node.labels.type == service") },
        { "Remove:environment:MODE", "cannot remove environment", p => p.Service("web").RemoveEnvironment("MODE") },
        { "Remove:port:8080", "cannot remove port", p => p.Service("web").RemovePort(8080) },
        { "Environment:MODE", "empty environment variable 'MODE'", p => p.Service("web").Environment("MODE", string.Empty) },
        { "Global", "switching to global mode", p => p.Service("web").Global() },
        { "GlobalJob", "switching to global mode", p => p.Service("web").GlobalJob() },
        { "Healthcheck", "appends an overlay's healthcheck test", p => p.Service("checked").Healthcheck(new[] { "CMD", "false" }) },
        { "StopGracePeriod", "zero duration '0s'", p => p.Service("checked").StopGracePeriod("0s") },
        { "Port:53", "published port 53 appears more than once", p => p.Service("dns").Port(53, 5353, PortProtocol.Udp) },
        { "DisableHealthcheck", "test and disable can't be set at the same time", p => p.Service("checked").DisableHealthcheck() },
        { "NetworkDriverOption:net/x", "ignores an overlay's driver options on network 'net'", p => p.Service("web").NetworkDriverOption("net", "x", "1") },
        { "LoggingOption:max-file", "drops an overlay's logging options", p => p.Service("checked").LoggingOption("max-file", "3") },
        { "LoggingOption:max-size", "drops an overlay's logging options", p => p.Service("checked").Logging("local").LoggingOption("max-size", "1m") },
        { "GenericResource:gpu", "'gpu' would be reserved twice (1 and 2)", p => p.Service("checked").GenericResource("gpu", 2) },
    };

    [Theory]
    [MemberData(nameof(Inexpressible))]
    public void InexpressibleChange_IsIks0004NamingServiceAndKey(string key, string message, Action<IProfileBuilder> change)
    {
        var result = Build(stack =>
        {
            Web(stack);
            stack.Service("checked").Image("busybox:1.36.1").Healthcheck(new[] { "CMD", "true" }).StopGracePeriod("10s").Logging("local").GenericResource("gpu", 1);
            stack.Service("dns").Image("busybox:1.36.1").Port(53, 53);
            stack.Profile("prod", change);
        });

        var finding = Assert.Single(result.Findings);
        Assert.Equal("IKS0004", finding.Id);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(key, finding.Where.Key);
        Assert.Equal("prod", finding.Where.Scope);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
        Assert.Contains("profile 'prod'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovalOfSomethingTheBaseNeverHad_IsNoFinding()
    {
        var result = Build(stack =>
        {
            Web(stack);
            stack.Profile("prod", prod => prod.Service("web").RemoveEnvironment("NEVER_SET").RemoveConstraint("node.role == manager"));
        });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void GenericResources_AreAppendedByDocker_SoTheOverlayWritesOnlyNewEntries()
    {
        // The evidence behind the generic_resources IKS0004 case: Docker keeps the base's entry beside the overlay's.
        using var folder = new TempFolder();
        const string Entry = "    deploy:\n      resources:\n        reservations:\n          generic_resources:\n            - discrete_resource_spec:\n                kind: gpu\n                value: {0}\n";
        var baseFile = folder.Write("base.yml", "services:\n  web:\n    image: nginx:1.27.2-alpine\n" + string.Format(CultureInfo.InvariantCulture, Entry, 1));
        var overlayFile = folder.Write("prod.yml", "services:\n  web:\n" + string.Format(CultureInfo.InvariantCulture, Entry, 2));
        var merged = Yaml.Find(Yaml.Parse(DockerCli.StackConfigOrFail(baseFile, overlayFile)), "services", "web", "deploy", "resources", "reservations", "generic_resources");
        var values = Assert.IsType<YamlDotNet.RepresentationModel.YamlSequenceNode>(merged).Children
            .Select(e => Yaml.Scalar(e, "discrete_resource_spec", "kind") + "=" + Yaml.Scalar(e, "discrete_resource_spec", "value"));
        Assert.Equal(new[] { "gpu=1", "gpu=2" }, values);

        // A profile that repeats the base's entry and adds another kind: only the new kind is written, once.
        var result = Build(stack =>
        {
            Web(stack).Reservations(cpus: "0.5").GenericResource("gpu", 1);
            stack.Profile("prod", prod => prod.Service("web").GenericResource("gpu", 1).GenericResource("fpga", 2));
        });
        Assert.Empty(result.Findings);
        var plan = OverlayPlanner.Plan(result.Model.Base, result.Model.Profiles[0]);
        Assert.Equal(new[] { new GenericResourceSpec("fpga", 2) }, plan.Overlay.Service("web")!.Resources!.Reservations!.GenericResources);
        var effective = folder.Write("effective.yml", ComposeFileEmitter.Emit(plan.Effective));
        var written = folder.Write("overlay.yml", ComposeFileEmitter.Emit(plan.Overlay));
        var sdkBase = folder.Write("sdk-base.yml", ComposeFileEmitter.Emit(result.Model.Base));
        Assert.Equal(DockerCli.StackConfigOrFail(effective), DockerCli.StackConfigOrFail(sdkBase, written));
        Assert.Equal(new[] { "gpu", "fpga" }, plan.Effective.Service("web")!.Resources!.Reservations!.GenericResources.Select(r => r.Kind));
        Assert.Equal("0.5", plan.Effective.Service("web")!.Resources!.Reservations!.Cpus);
    }

    [Fact]
    public void LoggingOptionsOverABaseWithoutOptions_AreReallyDroppedByDocker()
    {
        // The evidence behind the logging IKS0004 case, and that options merge once the base has one.
        using var folder = new TempFolder();
        var bare = folder.Write("bare.yml", "services:\n  web:\n    image: nginx:1.27.2-alpine\n    logging:\n      driver: local\n");
        var withOption = folder.Write("with.yml", "services:\n  web:\n    image: nginx:1.27.2-alpine\n    logging:\n      driver: local\n      options:\n        max-size: 1m\n");
        var overlay = folder.Write("prod.yml", "services:\n  web:\n    logging:\n      options:\n        max-file: \"3\"\n");
        Assert.Null(Yaml.Find(Yaml.Parse(DockerCli.StackConfigOrFail(bare, overlay)), "services", "web", "logging", "options"));
        Assert.Equal("3", Yaml.Scalar(Yaml.Parse(DockerCli.StackConfigOrFail(withOption, overlay)), "services", "web", "logging", "options", "max-file"));
    }

    [Fact]
    public void EmptyEnvironmentOverride_IsReallyIgnoredByDocker()
    {
        // The evidence behind one IKS0004 case: the base value survives an empty overlay value.
        using var folder = new TempFolder();
        var baseFile = folder.Write("base.yml", "services:\n  web:\n    image: nginx:1.27.2-alpine\n    environment:\n      MODE: base\n");
        var overlayFile = folder.Write("prod.yml", "services:\n  web:\n    environment:\n      MODE: \"\"\n");
        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(baseFile, overlayFile));
        Assert.Equal("base", Yaml.Scalar(merged, "services", "web", "environment", "MODE"));
    }

    public static TheoryData<string, string, string, string> Sourceless => new()
    {
        { "file", "secret", "x", "drops the base's file './secrets/x' and leaves no source" },
        { "external", "secret", "x", "drops the base's external: true and leaves no source" },
        { "driver", "secret", "x", "drops the base's driver 'vault' and leaves no source" },
        { "config file", "config", "c", "drops the base's file './conf/app.conf' and leaves no source" },
        { "new secret", "secret", "n", "the secret has no file, external or driver" },
        { "new config", "config", "n", "the config has no file or external" },
    };

    [Theory]
    [MemberData(nameof(Sourceless))]
    public void ProfileLeavingASecretOrConfigWithoutASource_IsIks0004AtItsDeclaration(string @case, string kind, string name, string message)
    {
        var result = Build(stack =>
        {
            stack.Service("web").Image("nginx:1.27.2-alpine").Secret("x").Config("c");
            var secret = stack.Secret("x");
            _ = @case switch
            {
                "external" => secret.External(),
                "driver" => secret.Driver("vault"),
                _ => secret.File("./secrets/x"),
            };
            stack.Config("c").File("./conf/app.conf");
            stack.Profile("prod", prod =>
            {
                _ = @case switch
                {
                    "external" => prod.Secret("x").Named("x_v2"),
                    "config file" => prod.Config("c").TemplateDriver("golang"),
                    "new secret" => prod.Secret("n").Label("rotate", "90d"),
                    "new config" => prod.Config("n"),
                    _ => prod.Secret("x").Label("rotate", "90d"),
                };
            });
        });

        var finding = Assert.Single(result.Findings);
        Assert.Equal("IKS0004", finding.Id);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(new SourceRef("prod", kind, name, SourceRef.Declaration), finding.Where);
        Assert.StartsWith($"profile 'prod' cannot change {kind} '{name}': ", finding.Message, StringComparison.Ordinal);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileSecretWithoutASource_IsReallyLeftWithoutOneByDocker()
    {
        // The evidence behind the sourceless IKS0004 case: Docker takes the overlay's secret whole, the base's file is
        // gone, and the secret's file becomes the compose file's folder (a real Swarm then refuses the deploy with
        // "read <folder>: is a directory").
        var result = Build(stack =>
        {
            stack.Service("web").Image("nginx:1.27.2-alpine").Secret("x");
            stack.Secret("x").File("./secrets/x");
            stack.Profile("prod", prod => prod.Secret("x").Label("rotate", "90d"));
        });
        using var folder = new TempFolder();
        folder.Write("secrets/x", "value");
        var plan = OverlayPlanner.Plan(result.Model.Base, result.Model.Profiles[0]);
        var baseFile = folder.Write("base.yml", ComposeFileEmitter.Emit(result.Model.Base));
        var overlayFile = folder.Write("prod.yml", ComposeFileEmitter.Emit(plan.Overlay));

        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(baseFile, overlayFile));
        Assert.Equal(Path.GetDirectoryName(baseFile), Yaml.Scalar(merged, "secrets", "x", "file"));
        Assert.Equal("90d", Yaml.Scalar(merged, "secrets", "x", "labels", "rotate"));
        Assert.Null(plan.Effective.Secrets.Single().File);
    }

    [Fact]
    public void ProfileThatRestatesOrReplacesTheSource_IsClean()
    {
        var result = Build(stack =>
        {
            stack.Service("web").Image("nginx:1.27.2-alpine").Secret("x").Secret("y").Config("c");
            stack.Secret("x").File("./secrets/x");
            stack.Secret("y").File("./secrets/y");
            stack.Config("c").File("./conf/app.conf");
            stack.Profile("prod", prod =>
            {
                prod.Secret("x").File("./secrets/x").Label("rotate", "90d");
                prod.Secret("y").External();
                prod.Config("c").File("./conf/app.prod.conf");
            });
        });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void UndeclaredReferences_AreIks0003InTheScopeThatWroteThem()
    {
        var result = Build(stack =>
        {
            stack.Service("web").Image("nginx:1.27.2-alpine").Network("missing").Volume("nodata", "/data");
            stack.Profile("prod", prod => prod.Service("web").Secret("cookie"));
        });

        Assert.Equal(
            new[] { ("", "Network:missing"), ("", "Volume:/data"), ("prod", "Secret:cookie") },
            result.Findings.Where(f => f.Id == "IKS0003").Select(f => (f.Where.Scope, f.Where.Key)).OrderBy(x => x).ToArray());
    }

    [Fact]
    public void ProfileDeclaresWhatItUses_IsClean()
    {
        var result = Build(stack =>
        {
            stack.Service("web").Image("nginx:1.27.2-alpine").Network("net").Volume(Env.Var("DATA_DIR", "data"), "/data");
            stack.Volume("data");
            stack.Profile("prod", prod =>
            {
                prod.Secret("cookie").External();
                prod.Service("web").Secret("cookie");
            });
        });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void RepeatedDeclaration_ContinuesTheFirst_AndOnlyAConflictingChangeIsIks0005()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Service("web").Image("nginx:1.27.2-alpine");
        stack.Service("web").Replicas(2);
        stack.Profile("prod", prod =>
        {
            prod.Service("web").Replicas(3);
            prod.Service("web").MaxReplicasPerNode(1);
            prod.Service("web").Replicas(3);
        });
        stack.Profile("prod", prod => prod.Service("web").MaxReplicasPerNode(2));
        var result = stack.Build();

        var conflict = Assert.Single(result.Findings, f => f.Id == "IKS0005");
        Assert.Equal(new SourceRef("prod", "service", "web", "MaxReplicasPerNode"), conflict.Where);
        Assert.Equal(2, result.Model.Profiles[0].Changes.Service("web")!.MaxReplicasPerNode);
        Assert.Equal(2, result.Model.Base.Service("web")!.Replicas);
        Assert.Equal("nginx:1.27.2-alpine", result.Model.Base.Service("web")!.Image);
    }

    private sealed record ServiceSpecView(string Name, string? Image, int? Replicas, int Constraints, string[] EnvironmentKeys)
    {
        public static ServiceSpecView Of(Model.ServiceSpec s) => new(s.Name, s.Image, s.Replicas, s.Constraints.Count, s.Environment.Keys.ToArray());

        public bool Equals(ServiceSpecView? other) =>
            other is not null && Name == other.Name && Image == other.Image && Replicas == other.Replicas && Constraints == other.Constraints && EnvironmentKeys.SequenceEqual(other.EnvironmentKeys);

        public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
    }
}
