using System.Globalization;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
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
        "{{.Node.Hostname}}", "${VAR:-x}", "$$", "$$HOME", "'single'", "\"double\"", "back\\slash", "[x]", "{x}", "-", "- x", "*star", "&anchor", "!tag",
        "%pct", "@at", "`bt`", "? q", "|", ">", "trailing:", "emoji 🚀", "---", "...", "#", "=", "<<",
    };

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void HostileString_SurvivesDockerInBaseAndOverlay(string value)
    {
        var stack = new StackBuilder("values", "docker-stack.yml");
        stack.Service("app").Image("busybox:1.36").Environment("IN_BASE", value).Label("in.base", value).Command("echo", value);
        stack.Profile("prod", prod => prod.Service("app").Environment("IN_OVERLAY", value).Label("in.overlay", value).Hostname(value.Trim().Length == 0 ? "h" : value));
        var model = stack.Build().Model;

        using var folder = new TempFolder();
        var files = StackArtefacts.Create(model).Where(a => a.Path.EndsWith(".yml", StringComparison.Ordinal)).Select(a => folder.Write(a.Path, a.Content)).ToArray();
        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(false, files));

        Assert.Equal(value, Yaml.Scalar(merged, "services", "app", "environment", "IN_BASE"));
        Assert.Equal(value, Yaml.Scalar(merged, "services", "app", "environment", "IN_OVERLAY"));
        Assert.Equal(value, Yaml.Scalar(merged, "services", "app", "labels", "in.base"));
        Assert.Equal(value, Yaml.Scalar(merged, "services", "app", "labels", "in.overlay"));
        Assert.Equal(new[] { "echo", value }, Yaml.Scalars(merged, "services", "app", "command"));
    }

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
                Assert.Equal(entry.Value, Yaml.Scalar(merged, "services", service.Name, "environment", entry.Key));
                checkedValues++;
            }

            foreach (var entry in service.Labels)
            {
                Assert.Equal(entry.Value, Yaml.Scalar(merged, "services", service.Name, "labels", entry.Key));
                checkedValues++;
            }

            if (service.Hostname is { } hostname)
            {
                Assert.Equal(hostname, Yaml.Scalar(merged, "services", service.Name, "hostname"));
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 30, $"only {checkedValues} values checked");
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
