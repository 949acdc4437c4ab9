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

    [Fact]
    public void Tiny_TwoStacks_WriteBoth_WithOneStackMd_AndDockerReadsEach()
    {
        using var fixture = new FixtureBuild("TinyStack");
        File.WriteAllText(Path.Combine(fixture.ProjectDirectory, "ElkStack.cs"), ElkStack("elk", "docker-stack-elk.yml"));

        var first = fixture.Build();

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("TinyStack: wrote docker-stack-elk.yml, docker-stack-elk.prod.yml, STACK.md", first.Output, StringComparison.Ordinal);
        Assert.Contains("TinyStack: wrote docker-stack-tiny.yml, docker-stack-tiny.prod.yml", first.Output, StringComparison.Ordinal);
        var stackMd = File.ReadAllText(Path.Combine(fixture.DeployDirectory, "STACK.md"));
        Assert.True(stackMd.IndexOf("# Stack 'elk'\n", StringComparison.Ordinal) == 0, stackMd);
        Assert.Contains("\n# Stack 'tiny'\n", stackMd, StringComparison.Ordinal);
        foreach (var (files, service) in new[] { (new[] { "docker-stack-elk.yml", "docker-stack-elk.prod.yml" }, "elasticsearch"), (new[] { "docker-stack-tiny.yml", "docker-stack-tiny.prod.yml" }, "web") })
        {
            var config = DockerStackConfig(fixture.DeployDirectory, files);
            Assert.True(config.ExitCode == 0, config.Output);
            Assert.Contains("  " + service + ":\n", config.Output, StringComparison.Ordinal);
        }

        var second = fixture.Build();
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(2, second.Output.Split('\n').Count(line => line.Contains("TinyStack: deploy/ up to date", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tiny_TwoStacksClaimingOneBaseFile_FailAtTheSecondStacksAttribute_AndWriteNothing()
    {
        using var fixture = new FixtureBuild("TinyStack");
        var source = ElkStack("tiny2", "docker-stack-tiny.yml");
        File.WriteAllText(Path.Combine(fixture.ProjectDirectory, "ElkStack.cs"), source);
        var line = source.Split('\n').ToList().FindIndex(l => l.StartsWith("[Stack(", StringComparison.Ordinal)) + 1;

        var build = fixture.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"ElkStack.cs({line},2): error IKS0903: TinyStack: tiny2 not written: 'docker-stack-tiny.yml' is also produced by tiny with different content.", build.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.DeployDirectory), build.Output);
    }

    [Fact]
    public void Tiny_RemovedProfile_ItsOverlayIsDeleted_AndAUserFileStays()
    {
        using var fixture = new FixtureBuild("TinyStack");
        Assert.Equal(0, fixture.Build().ExitCode);
        File.WriteAllText(Path.Combine(fixture.DeployDirectory, "README.md"), "how we deploy\n");
        var source = Path.Combine(fixture.ProjectDirectory, "TinyStack.cs");
        var text = File.ReadAllText(source);
        File.WriteAllText(source, text.Replace("stack.Profile(\"prod\", prod => prod.Service(\"web\").Replicas(3));", string.Empty, StringComparison.Ordinal));

        var build = fixture.Build();

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("TinyStack: deleted docker-stack-tiny.prod.yml (no longer produced)", build.Output, StringComparison.Ordinal);
        Assert.Equal(
            [".iklim-stack-files", "README.md", "STACK.md", "docker-stack-tiny.yml"],
            FixtureBuild.Snapshot(fixture.DeployDirectory).Keys);
        Assert.Equal("how we deploy\n", File.ReadAllText(Path.Combine(fixture.DeployDirectory, "README.md")));
    }

    private static string ElkStack(string name, string baseFile) =>
        "using Iklim.StackSdk;\n\nnamespace TinyStack;\n\n/// <summary>A second stack in the project.</summary>\n"
        + "[Stack(\"" + name + "\", BaseFile = \"" + baseFile + "\")]\n"
        + "public sealed class ElkStack : IStackDefinition\n{\n    /// <inheritdoc />\n    public void Configure(IStackBuilder stack)\n    {\n"
        + "        stack.Network(\"net\").External();\n"
        + "        stack.Service(\"elasticsearch\").Image(\"docker.elastic.co/elasticsearch/elasticsearch:8.15.3\").Network(\"net\").Replicas(1);\n"
        + "        stack.Profile(\"prod\", prod => prod.Service(\"elasticsearch\").Replicas(1).MaxReplicasPerNode(1));\n"
        + "    }\n}\n";

    private static (int ExitCode, string Output) DockerStackConfig(string directory, string[] files)
    {
        var start = new System.Diagnostics.ProcessStartInfo("docker") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "stack", "config" }.Concat(files.SelectMany(file => new[] { "-c", file })))
        {
            start.ArgumentList.Add(argument);
        }

        using var docker = System.Diagnostics.Process.Start(start)!;
        var output = docker.StandardOutput.ReadToEnd();
        var error = docker.StandardError.ReadToEnd();
        docker.WaitForExit();
        return (docker.ExitCode, output + error);
    }
}
