using System.Globalization;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// Strings that YAML readers like to reinterpret come back from Docker's parser exactly as the stack said them,
/// in the base and through an overlay, as environment values, labels, commands and hostnames.
/// </summary>
public sealed class ValuesSurviveTests
{
    // A value that is only "\n" is left out: docker prints it as an empty `|2+` block, which YamlDotNet (our
    // reader of docker's output here, not docker itself) reads back as "".
    public static readonly TheoryData<string> HostileStrings = new()
    {
        "yes", "no", "on", "off", "y", "n", "true", "False", "~", "null", "Null", "0x1F", "1e3", "010", "0o17", "1_000", "12:30", ".inf", "-.inf", "NaN",
        "a: b", " #x", "a #b", " lead", "trail ", "  both  ", "line1\nline2", "line1\nline2\n", "tab\there", "cr\rlf", "İıŞşĞğ", "é\u00a0nbsp",
        "{{.Node.Hostname}}", "${VAR:-x}", "${X}", "$$", "$$HOME", "$apr1$x", "$", "a$", "$HOME", "'single'", "\"double\"", "back\\slash", "[x]", "{x}", "-", "- x", "*star", "&anchor", "!tag",
        "%pct", "@at", "`bt`", "? q", "|", ">", "trailing:", "emoji 🚀", "---", "...", "#", "=", "<<",
    };

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void HostileString_SurvivesDockerInBaseAndOverlay(string value)
    {
        var stack = new StackBuilder("values", "docker-stack.yml");
        stack.Service("app").Image("busybox:1.36.1").Environment("IN_BASE", value).Label("in.base", value).Command("echo", value);
        stack.Profile("prod", prod => prod.Service("app").Environment("IN_OVERLAY", value).Label("in.overlay", value).Hostname(value.Trim().Length == 0 ? "h" : value));
        var model = stack.Build().Model;

        using var folder = new TempFolder();
        var files = StackArtefacts.Create(model).Where(a => a.Path.EndsWith(".yml", StringComparison.Ordinal)).Select(a => folder.Write(a.Path, a.Content)).ToArray();

        // Interpolated, as docker stack deploy reads the files: a literal '$' must come out as the C# string said it.
        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(true, files));

        Assert.Equal(value, Yaml.Scalar(merged, "services", "app", "environment", "IN_BASE"));
        Assert.Equal(value, Yaml.Scalar(merged, "services", "app", "environment", "IN_OVERLAY"));
        Assert.Equal(value, Yaml.Scalar(merged, "services", "app", "labels", "in.base"));
        Assert.Equal(value, Yaml.Scalar(merged, "services", "app", "labels", "in.overlay"));
        Assert.Equal(new[] { "echo", value }, Yaml.Scalars(merged, "services", "app", "command"));
    }

    private static readonly System.Text.RegularExpressions.Regex EnvFallback = new(@"^\$\{[A-Z0-9_]+:-([^}]*)\}$");

    [Fact]
    public void SampleStrings_SurviveDocker()
    {
        using var sample = new SampleArtefacts();
        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(false, sample.BaseFile, sample.ProdFile));
        var effective = Merging.OverlayPlanner.Plan(sample.Model.Base, sample.Model.Profile("prod")!).Effective;
        var checkedValues = 0;
        foreach (var service in effective.Services)
        {
            foreach (var entry in service.Environment)
            {
                Assert.Equal(Interpolation.ToCompose(entry.Value), Yaml.Scalar(merged, "services", service.Name, "environment", entry.Key));
                checkedValues++;
            }

            foreach (var entry in service.Labels)
            {
                Assert.Equal(Interpolation.ToCompose(entry.Value), Yaml.Scalar(merged, "services", service.Name, "labels", entry.Key));
                checkedValues++;
            }

            if (service.Hostname is { } hostname)
            {
                Assert.Equal(Interpolation.ToCompose(hostname), Yaml.Scalar(merged, "services", service.Name, "hostname"));
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 30, $"only {checkedValues} values checked");
    }

    /// <summary>
    /// Every string field of every service of the sample (image, hostname, command, entrypoint, user, working dir,
    /// volumes, secrets, configs, constraints, spread, network names and aliases, labels, deploy labels, environment,
    /// restart delay, healthcheck), in the base alone and in base + prod, as <c>docker stack config --skip-interpolation</c>
    /// reads the generated files: nothing lost, nothing reinterpreted, <c>${VAR}</c> references kept verbatim.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SampleStrings_EveryStringField_SurvivesDocker(bool withProd)
    {
        using var sample = new SampleArtefacts();
        var files = withProd ? new[] { sample.BaseFile, sample.ProdFile } : new[] { sample.BaseFile };
        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(false, files));
        var interpolated = new Lazy<YamlDotNet.RepresentationModel.YamlNode>(() => Yaml.Parse(DockerCli.StackConfigOrFail(true, files)));
        var scope = withProd ? Merging.OverlayPlanner.Plan(sample.Model.Base, sample.Model.Profile("prod")!).Effective : sample.Model.Base;
        var checkedValues = 0;

        void Same(string? expected, params string[] path)
        {
            if (expected is null)
            {
                return;
            }

            Assert.Equal(Interpolation.ToCompose(expected), Yaml.Scalar(merged, path));
            checkedValues++;
        }

        void SameSet(IEnumerable<string> expected, IEnumerable<string> actual, string what)
        {
            var want = expected.Select(Interpolation.ToCompose).OrderBy(x => x, StringComparer.Ordinal).ToList();
            if (want.Count == 0)
            {
                return;
            }

            Assert.True(want.SequenceEqual(actual.OrderBy(x => x, StringComparer.Ordinal)), $"{what}: expected [{string.Join(", ", want)}], docker read [{string.Join(", ", actual)}]");
            checkedValues += want.Count;
        }

        Assert.Equal(scope.Services.Select(s => s.Name).OrderBy(x => x, StringComparer.Ordinal), Yaml.Keys(merged, "services").OrderBy(x => x, StringComparer.Ordinal));
        foreach (var service in scope.Services)
        {
            var at = new[] { "services", service.Name };
            string[] P(params string[] rest) => at.Concat(rest).ToArray();
            Same(service.Image, P("image"));
            Same(service.Hostname, P("hostname"));
            Same(service.User, P("user"));
            Same(service.WorkingDir, P("working_dir"));
            if (service.Command is { } command)
            {
                Assert.Equal(command.Select(Interpolation.ToCompose).ToList(), Yaml.Scalars(merged, P("command")));
                checkedValues += command.Count;
            }

            if (service.Entrypoint is { } entrypoint)
            {
                Assert.Equal(entrypoint.Select(Interpolation.ToCompose).ToList(), Yaml.Scalars(merged, P("entrypoint")));
                checkedValues += entrypoint.Count;
            }

            foreach (var entry in service.Environment)
            {
                Same(entry.Value, P("environment", entry.Key));
            }

            foreach (var entry in service.Labels)
            {
                Same(entry.Value, P("labels", entry.Key));
            }

            foreach (var entry in service.DeployLabels)
            {
                Same(entry.Value, P("deploy", "labels", entry.Key));
            }

            SameSet(service.Constraints, Service(P("deploy", "placement", "constraints")).Select(n => ((YamlDotNet.RepresentationModel.YamlScalarNode)n).Value!), service.Name + " constraints");
            SameSet(
                service.Spread,
                Service(P("deploy", "placement", "preferences")).Select(n => Yaml.Scalar(n, "spread")),
                service.Name + " spread");
            SameSet(service.Networks.Select(n => n.Name), Yaml.Keys(merged, P("networks")), service.Name + " networks");
            foreach (var network in service.Networks)
            {
                SameSet(network.Aliases, network.Aliases.Count == 0 ? Array.Empty<string>() : Yaml.Scalars(merged, P("networks", network.Name, "aliases")), $"{service.Name} aliases on {network.Name}");
            }

            // Docker splits a short volume on ':' before interpolating, so '${DIR:-fallback}:/target' is only
            // meaningful interpolated: those are compared with the interpolated output (the variable unset, so its fallback).
            static string Volume(YamlDotNet.RepresentationModel.YamlNode n) =>
                $"{Yaml.Scalar(n, "source")}|{Yaml.Scalar(n, "target")}|{Yaml.Find(n, "read_only") is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "true" }}";
            SameSet(
                service.Volumes.Select(v => $"{EnvFallback.Replace(Interpolation.ToCompose(v.Source), "$1")}|{v.Target}|{v.ReadOnly}"),
                (Yaml.Find(interpolated.Value, P("volumes")) as YamlDotNet.RepresentationModel.YamlSequenceNode)?.Children.Select(Volume) ?? Enumerable.Empty<string>(),
                service.Name + " volumes");
            SameSet(
                service.Volumes.Where(v => !Interpolation.Contains(v.Source)).Select(v => $"{v.Source}|{v.Target}|{v.ReadOnly}"),
                Service(P("volumes")).Select(Volume).Where(v => !v.Contains("${", StringComparison.Ordinal)),
                service.Name + " volumes (not interpolated)");
            SameSet(service.Secrets.Select(s => s.Source), Service(P("secrets")).Select(n => Yaml.Scalar(n, "source")), service.Name + " secrets");
            SameSet(service.Configs.Select(s => s.Source), Service(P("configs")).Select(n => Yaml.Scalar(n, "source")), service.Name + " configs");
            Same(service.RestartPolicy?.Delay, P("deploy", "restart_policy", "delay"));
            if (service.Healthcheck is { } healthcheck)
            {
                Assert.Equal(healthcheck.Test.Select(Interpolation.ToCompose).ToList(), Yaml.Scalars(merged, P("healthcheck", "test")));
                checkedValues += healthcheck.Test.Count;
            }
        }

        Assert.True(checkedValues > (withProd ? 100 : 60), $"only {checkedValues} values checked");

        IEnumerable<YamlDotNet.RepresentationModel.YamlNode> Service(string[] path) =>
            Yaml.Find(merged, path) is YamlDotNet.RepresentationModel.YamlSequenceNode sequence ? sequence.Children : Enumerable.Empty<YamlDotNet.RepresentationModel.YamlNode>();
    }

    [Fact]
    public void Emission_IsByteIdenticalUnderTurkishCulture()
    {
        var invariant = Emit();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("tr-TR");
            Assert.Equal(invariant, Emit());
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
        }

        static string Emit() => string.Join("\u0000", StackArtefacts.Create(StackBuilder.Run(new IklimProd.InfraStack()).Model).Select(a => a.Path + "\n" + a.Content));
    }

    [Fact]
    public void Emission_IsByteIdenticalAcrossRuns()
    {
        var first = StackArtefacts.Create(StackBuilder.Run(new IklimProd.InfraStack()).Model);
        var second = StackArtefacts.Create(StackBuilder.Run(new IklimProd.InfraStack()).Model);
        Assert.Equal(first, second);
        Assert.All(first, a => Assert.DoesNotContain("\r", a.Content, StringComparison.Ordinal));
    }
}
