using Xunit;

namespace Iklim.StackSdk.Build.Tests;

/// <summary>
/// `dotnet build` on real stack projects. GlueStack feeds the shipped props/targets and task from a stub generator,
/// so it checks the MSBuild side alone; TinyStack uses the whole SDK from this repository through
/// build/IklimStackSdk.InRepo.props and needs the real generator. Slow (each build takes seconds): run with
/// <c>--filter Category=Build</c>. One class, so the builds of the shared src/ projects never overlap.
/// </summary>
[Trait("Category", "Build")]
[Collection(nameof(StackProjectBuildTests))]
public sealed class StackProjectBuildTests
{
    private static readonly string[] TinyFiles = ["docker-stack-tiny.prod.yml", "docker-stack-tiny.yml"];

    [Fact]
    public void Glue_BuildWritesDeploy_ThenIsUpToDate_AndKeepsTimestamps()
    {
        using var fixture = new FixtureBuild("GlueStack");

        var first = fixture.Build();
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("GlueStack: wrote docker-stack-glue.yml, docker-stack-glue.prod.yml, init/gateway/init.sh (1 services, prod overrides 1)", first.Output, StringComparison.Ordinal);
        Assert.Contains("GlueStack: held not written: IKS0004 in prod: an overlay cannot drop a placement constraint", first.Output, StringComparison.Ordinal);
        Assert.Equal("#!/bin/sh\necho ready\n", File.ReadAllText(Path.Combine(fixture.DeployDirectory, "init", "gateway", "init.sh")));
        var timestamps = FixtureBuild.Timestamps(fixture.DeployDirectory);

        var second = fixture.Build();
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("GlueStack: deploy/ up to date (1 services, prod overrides 1)", second.Output, StringComparison.Ordinal);
        Assert.Equal(timestamps, FixtureBuild.Timestamps(fixture.DeployDirectory));
    }

    [Fact]
    public void Glue_ChangedManifest_RewritesOnlyTheChangedFile()
    {
        using var fixture = new FixtureBuild("GlueStack");
        Assert.Equal(0, fixture.Build().ExitCode);
        var timestamps = FixtureBuild.Timestamps(fixture.DeployDirectory);

        var changed = fixture.Build(null, "-p:GlueVersion=4");

        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.Contains("GlueStack: wrote docker-stack-glue.prod.yml (1 services, prod overrides 1)", changed.Output, StringComparison.Ordinal);
        var after = FixtureBuild.Timestamps(fixture.DeployDirectory);
        Assert.Equal(timestamps[Path.Combine(fixture.DeployDirectory, "docker-stack-glue.yml")], after[Path.Combine(fixture.DeployDirectory, "docker-stack-glue.yml")]);
        Assert.Contains("replicas: 4\n", File.ReadAllText(Path.Combine(fixture.DeployDirectory, "docker-stack-glue.prod.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Glue_DeployDirProperty_WritesThere()
    {
        using var fixture = new FixtureBuild("GlueStack");
        var elsewhere = fixture.TempPath("elsewhere");

        var build = fixture.Build(null, "-p:IklimStackDeployDir=" + elsewhere);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(elsewhere, "docker-stack-glue.yml")), build.Output);
        Assert.False(Directory.Exists(fixture.DeployDirectory));
    }

    [Fact]
    public void Glue_ArtefactsDisabled_WritesNothing()
    {
        using var fixture = new FixtureBuild("GlueStack");

        var build = fixture.Build(null, "-p:IklimStackArtefactsEnabled=false");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("GlueStack: wrote", build.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.DeployDirectory));
    }

    [Fact]
    public void Tiny_BuildWritesDeploy_ThenIsUpToDate_AndKeepsTimestamps()
    {
        using var fixture = new FixtureBuild("TinyStack");

        var first = fixture.Build();
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("TinyStack: wrote docker-stack-tiny.yml, docker-stack-tiny.prod.yml", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("IKS0901", first.Output, StringComparison.Ordinal);
        Assert.Equal(TinyFiles, FixtureBuild.Snapshot(fixture.DeployDirectory).Keys.Where(TinyFiles.Contains));
        var timestamps = FixtureBuild.Timestamps(fixture.DeployDirectory);

        var second = fixture.Build();
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("TinyStack: deploy/ up to date", second.Output, StringComparison.Ordinal);
        Assert.Equal(timestamps, FixtureBuild.Timestamps(fixture.DeployDirectory));
    }

    [Fact]
    public void Tiny_DeployDirProperty_WritesThere()
    {
        using var fixture = new FixtureBuild("TinyStack");
        var elsewhere = fixture.TempPath("elsewhere");

        var build = fixture.Build(null, "-p:IklimStackDeployDir=" + elsewhere);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(elsewhere, "docker-stack-tiny.yml")), build.Output);
        Assert.False(Directory.Exists(fixture.DeployDirectory));
    }

    [Fact]
    public void Tiny_TurkishCulture_WritesByteIdenticalFiles()
    {
        using var invariant = new FixtureBuild("TinyStack");
        using var turkish = new FixtureBuild("TinyStack");

        var english = invariant.Build(new Dictionary<string, string> { ["LANG"] = "en_US.UTF-8", ["LC_ALL"] = "en_US.UTF-8", ["DOTNET_CLI_UI_LANGUAGE"] = "en-US" });
        var tr = turkish.Build(new Dictionary<string, string>
        {
            ["LANG"] = "tr_TR.UTF-8",
            ["LC_ALL"] = "tr_TR.UTF-8",
            ["DOTNET_CLI_UI_LANGUAGE"] = "tr-TR",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0",
        });

        Assert.True(english.ExitCode == 0, english.Output);
        Assert.True(tr.ExitCode == 0, tr.Output);
        var expected = FixtureBuild.Snapshot(invariant.DeployDirectory);
        var actual = FixtureBuild.Snapshot(turkish.DeployDirectory);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), path + " differs under tr-TR");
        }
    }

    [Fact]
    public void Tiny_WithAnError_FailsAtTheCall_AndWritesNothing()
    {
        using var fixture = new FixtureBuild("TinyStack");
        var source = Path.Combine(fixture.ProjectDirectory, "TinyStack.cs");
        var text = File.ReadAllText(source);
        File.WriteAllText(source, text.Replace(".Replicas(2);", ".Replicas(-2);", StringComparison.Ordinal));
        var line = text.Split('\n').Select((l, i) => (l, i)).Single(x => x.l.Contains(".Replicas(2);", StringComparison.Ordinal));
        var column = line.l.IndexOf("Replicas(2)", StringComparison.Ordinal) + "Replicas(".Length + 1;

        var build = fixture.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"TinyStack.cs({line.i + 1},{column}): error IKS0002: Replicas must be at least 0, not -2.", build.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.DeployDirectory), build.Output);
    }
}
