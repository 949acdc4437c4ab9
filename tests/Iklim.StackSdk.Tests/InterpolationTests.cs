using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// Deploy-time references versus literal dollars: every Env form is resolved by docker as its docs say, with the
/// variable set, empty and unset; literal dollars around it survive; and the messages and STACK.md show '$', never the marker.
/// </summary>
public sealed class InterpolationTests
{
    public static readonly TheoryData<string, string?, string> Forms = new()
    {
        // form, the variable's value (null: unset), what the container receives around the literal "$<" and ">$"
        { "Var", "v", "v" }, { "Var", "", "" },
        { "VarFallback", "v", "v" }, { "VarFallback", "", "fb$x" }, { "VarFallback", null, "fb$x" },
        { "VarUnsetOnly", "v", "v" }, { "VarUnsetOnly", "", "" }, { "VarUnsetOnly", null, "fb$x" },
        { "Required", "v", "v" }, { "RequiredAllowEmpty", "v", "v" }, { "RequiredAllowEmpty", "", "" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void EnvForms_AreResolvedByDocker_AndLiteralDollarsAroundThemSurvive(string form, string? value, string expected)
    {
        var reference = Reference(form);
        var stack = new StackBuilder("forms", "docker-stack.yml");
        stack.Service("app").Image("busybox:1.36.1").Environment("V", "$<" + reference + ">$");
        using var folder = new TempFolder();
        var file = folder.Write("docker-stack.yml", StackArtefacts.Create(stack.Build().Model)[0].Content);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is not null)
        {
            environment["IKLIM_FORM"] = value;
        }

        var result = DockerCli.Run(new[] { "stack", "config", "-c", file }, environment);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("$<" + expected + ">$", Yaml.Scalar(Yaml.Parse(result.Output), "services", "app", "environment", "V"));
    }

    [Theory]
    [InlineData("Required", null)]
    [InlineData("Required", "")]
    [InlineData("RequiredAllowEmpty", null)]
    public void RequiredForms_RefuseTheDeploy_WithTheirMessage(string form, string? value)
    {
        var stack = new StackBuilder("forms", "docker-stack.yml");
        stack.Service("app").Image("busybox:1.36.1").Environment("V", Reference(form));
        using var folder = new TempFolder();
        var file = folder.Write("docker-stack.yml", StackArtefacts.Create(stack.Build().Model)[0].Content);
        var environment = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["IKLIM_FORM"] = value };

        var result = DockerCli.Run(new[] { "stack", "config", "-c", file }, environment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("required variable IKLIM_FORM is missing a value: set IKLIM_FORM first", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$apr1$x", "$$apr1$$x")]
    [InlineData("$$", "$$$$")]
    [InlineData("${X}", "$${X}")]
    [InlineData("$", "$$")]
    [InlineData("a$", "a$$")]
    [InlineData("no dollar", "no dollar")]
    public void LiteralDollars_AreEscapedForCompose_AndReadBack(string literal, string compose)
    {
        Assert.Equal(compose, Interpolation.ToCompose(literal));
        Assert.Equal(literal, Interpolation.FromCompose(compose));
        Assert.False(Interpolation.Contains(literal));
    }

    [Fact]
    public void References_AreWrittenVerbatim_AndReadBackFromComposeText()
    {
        var value = "$" + Env.Var("A", "f$b") + "-" + Env.Required("B", "set B") + "$";
        Assert.Equal("$$${A:-f$b}-${B:?set B}$$", Interpolation.ToCompose(value));
        Assert.Equal("$${A:-f$b}-${B:?set B}$", Interpolation.ToDisplay(value));
        Assert.Equal(value, Interpolation.FromCompose("$$${A:-f$b}-${B:?set B}$$"));
        Assert.Equal(Env.Var("HOME") + "/x", Interpolation.FromCompose("$HOME/x"));
    }

    [Fact]
    public void MessagesAndSummary_ShowDollar_NotTheMarker()
    {
        var stack = new StackBuilder("forms", "docker-stack.yml");
        stack.Service("app").Image("grafana/grafana:" + Env.Var("TAG", "11.3.1")).Environment("ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD", "admin"));
        var result = stack.Build();
        var summary = StackArtefacts.Create(result.Model).Single(a => a.Path == "STACK.md").Content;

        Assert.Contains("grafana/grafana:${TAG:-11.3.1}", summary, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Id == "IKS0112" && f.Message.Contains("${ADMIN_PASSWORD}", StringComparison.Ordinal));
        Assert.All(result.Findings, f => Assert.DoesNotContain(Interpolation.Sigil, f.Message));
        Assert.DoesNotContain(Interpolation.Sigil, summary);
        var error = Assert.Throws<ArgumentException>(() => stack.Service("app").Image("Bad:" + Env.Var("TAG")));
        Assert.DoesNotContain(Interpolation.Sigil, error.Message);
        Assert.Contains("'Bad:${TAG}'", error.Message, StringComparison.Ordinal);
    }

    private static string Reference(string form) => form switch
    {
        "Var" => Env.Var("IKLIM_FORM"),
        "VarFallback" => Env.Var("IKLIM_FORM", "fb$x"),
        "VarUnsetOnly" => Env.Var("IKLIM_FORM", "fb$x", onlyWhenUnset: true),
        "Required" => Env.Required("IKLIM_FORM", "set IKLIM_FORM first"),
        _ => Env.Required("IKLIM_FORM", "set IKLIM_FORM first", allowEmpty: true),
    };
}
