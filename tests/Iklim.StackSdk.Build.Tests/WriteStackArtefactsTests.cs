using System.Text;
using Iklim.StackSdk.Generators.Manifest;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace Iklim.StackSdk.Build.Tests;

/// <summary>The task against hand-written manifests: the manifest format is the contract with the generator.</summary>
public sealed class WriteStackArtefactsTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private readonly TempFolder _folder = new();

    private string ProjectDirectory => _folder.Combine("IklimProd");

    private string DeployDirectory => _folder.Combine("IklimProd", "deploy");

    private string Deployed(string relativePath) => Path.Combine(DeployDirectory, relativePath);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Manifest_WritesEveryFile_AndPrintsOneLinePerStack()
    {
        var (succeeded, engine) = Run(Infra("replicas: 3"));

        Assert.True(succeeded);
        Assert.Equal("services:\n  redis: {}\n", File.ReadAllText(Deployed("docker-stack-infra.yml")));
        Assert.Equal("services:\n  redis:\n    deploy:\n      replicas: 3\n", File.ReadAllText(Deployed("docker-stack-infra.prod.yml")));
        Assert.Equal(["IklimProd: wrote docker-stack-infra.yml, docker-stack-infra.prod.yml (10 services, prod overrides 9)"], engine.Lines);
        Assert.Empty(engine.Warnings);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void SecondRun_WritesNothing_AndReportsUpToDate()
    {
        Run(Infra("replicas: 3"));
        AgeDeployedFiles();

        var (succeeded, engine) = Run(Infra("replicas: 3"));

        Assert.True(succeeded);
        Assert.Equal(["IklimProd: deploy/ up to date (10 services, prod overrides 9)"], engine.Lines);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Deployed("docker-stack-infra.yml")));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Deployed("docker-stack-infra.prod.yml")));
    }

    [Fact]
    public void ChangedContent_RewritesOnlyThatFile()
    {
        Run(Infra("replicas: 3"));
        AgeDeployedFiles();

        var (succeeded, engine) = Run(Infra("replicas: 5"));

        Assert.True(succeeded);
        Assert.Equal(["IklimProd: wrote docker-stack-infra.prod.yml (10 services, prod overrides 9)"], engine.Lines);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Deployed("docker-stack-infra.yml")));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(Deployed("docker-stack-infra.prod.yml")));
        Assert.Contains("replicas: 5", File.ReadAllText(Deployed("docker-stack-infra.prod.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void FileChangedOnDisk_IsWrittenBack()
    {
        Run(Infra("replicas: 3"));
        File.WriteAllText(Deployed("docker-stack-infra.yml"), "edited by hand\n");

        var (_, engine) = Run(Infra("replicas: 3"));

        Assert.Equal(["IklimProd: wrote docker-stack-infra.yml (10 services, prod overrides 9)"], engine.Lines);
        Assert.Equal("services:\n  redis: {}\n", File.ReadAllText(Deployed("docker-stack-infra.yml")));
    }

    [Fact]
    public void BlockedStack_WritesNothing_AndLogsTheReasonOnce()
    {
        var blocked = new ManifestStack("iklimco", true, "IKS0004 in prod: an overlay cannot drop a placement constraint {0}", Files(("docker-stack-infra.yml", "x\n")));

        var (succeeded, engine) = Run(blocked);

        Assert.True(succeeded);
        Assert.Equal(["IklimProd: iklimco not written: IKS0004 in prod: an overlay cannot drop a placement constraint {0}"], engine.Lines);
        Assert.Empty(engine.Warnings);
        Assert.Empty(engine.Errors);
        Assert.False(Directory.Exists(DeployDirectory));
    }

    [Fact]
    public void BlockedStack_DoesNotStopTheOthers()
    {
        var blocked = new ManifestStack("held", true, "errors in Configure", Files());

        var (succeeded, engine) = Run(blocked, Infra("replicas: 3"));

        Assert.True(succeeded);
        Assert.Equal(2, engine.Lines.Count());
        Assert.True(File.Exists(Deployed("docker-stack-infra.yml")));
    }

    [Theory]
    [InlineData("../docker-stack.yml")]
    [InlineData("init/../../docker-stack.yml")]
    [InlineData("/etc/docker-stack.yml")]
    [InlineData("C:/docker-stack.yml")]
    [InlineData("init\\init.sh")]
    [InlineData("init//init.sh")]
    [InlineData("./docker-stack.yml")]
    [InlineData("")]
    public void UnsafePath_IsRejectedWithAnErrorNamingIt_AndTheStackWritesNothing(string path)
    {
        var stack = new ManifestStack("iklimco", false, "1 services", Files(("docker-stack.yml", "a\n"), (path, "b\n")));

        var (succeeded, engine) = Run(stack);

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(BuildMessageCodes.UnsafeArtefactPath, error.Code);
        Assert.Contains("'" + path + "'", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Deployed("docker-stack.yml")));
        Assert.False(File.Exists(_folder.Combine("IklimProd", "docker-stack.yml")));
        Assert.Empty(engine.Lines);
    }

    [Fact]
    public void NestedRelativePath_CreatesTheFolders()
    {
        var stack = new ManifestStack("iklimco", false, "1 services", Files(("init/apisix-core/init.sh", "#!/bin/sh\nset -eu\n")));

        var (succeeded, engine) = Run(stack);

        Assert.True(succeeded);
        Assert.Equal("#!/bin/sh\nset -eu\n", File.ReadAllText(Path.Combine(DeployDirectory, "init", "apisix-core", "init.sh")));
        Assert.Equal(["IklimProd: wrote init/apisix-core/init.sh (1 services)"], engine.Lines);
    }

    [Fact]
    public void Output_IsUtf8WithoutBom_WithLineEndingsExactlyAsGiven()
    {
        const string content = "# İstanbul, ığüşöç\nenvironment:\n  A: \"x\"\r\n  B: y\n";
        var stack = new ManifestStack("iklimco", false, "", Files(("docker-stack.yml", content)));

        Run(stack);

        Assert.Equal(new UTF8Encoding(false).GetBytes(content), File.ReadAllBytes(Deployed("docker-stack.yml")));
        Assert.NotEqual(0xEF, File.ReadAllBytes(Deployed("docker-stack.yml"))[0]);
    }

    [Fact]
    public void EmptySummary_PrintsNoParentheses()
    {
        var (_, engine) = Run(new ManifestStack("iklimco", false, "", Files(("docker-stack.yml", "a\n"))));

        Assert.Equal(["IklimProd: wrote docker-stack.yml"], engine.Lines);
    }

    [Fact]
    public void FilesTheManifestDoesNotName_AreNeverTouched()
    {
        Directory.CreateDirectory(DeployDirectory);
        File.WriteAllText(Deployed("README.md"), "hand-written\n");
        File.WriteAllText(Deployed("docker-stack-old.yml"), "from an earlier stack\n");

        Run(Infra("replicas: 3"));

        Assert.Equal("hand-written\n", File.ReadAllText(Deployed("README.md")));
        Assert.Equal("from an earlier stack\n", File.ReadAllText(Deployed("docker-stack-old.yml")));
    }

    [Fact]
    public void MissingManifest_WarnsAndSucceeds()
    {
        var engine = new FakeBuildEngine();
        var task = Task(engine, _folder.Combine("obj", "IklimStackArtefacts.g.cs"));

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(BuildMessageCodes.ManifestMissing, warning.Code);
        Assert.StartsWith("IklimProd: no stack artefacts written: the manifest '", warning.Message, StringComparison.Ordinal);
        Assert.Contains("generator did not run", warning.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(DeployDirectory));
    }

    [Fact]
    public void NoManifestGiven_Warns()
    {
        var engine = new FakeBuildEngine();

        Assert.True(Task(engine).Execute());

        Assert.Equal(BuildMessageCodes.ManifestMissing, Assert.Single(engine.Warnings).Code);
    }

    [Fact]
    public void ManifestOfAnotherFormat_IsAnError()
    {
        var path = _folder.Combine("IklimStackArtefacts.g.cs");
        File.WriteAllText(path, ArtefactManifest.Write([Infra("replicas: 3")]).Replace(ArtefactManifest.Header, "// Iklim.StackSdk artefact manifest v2", StringComparison.Ordinal));
        var engine = new FakeBuildEngine();

        Assert.False(Task(engine, path).Execute());

        Assert.Equal(BuildMessageCodes.UnreadableManifest, Assert.Single(engine.Errors).Code);
        Assert.False(Directory.Exists(DeployDirectory));
    }

    [Fact]
    public void TwoStacksWritingOneFileDifferently_IsAnError_AndNeitherIsWritten()
    {
        var first = new ManifestStack("one", false, "", Files(("docker-stack.yml", "a\n")));
        var second = new ManifestStack("two", false, "", Files(("Docker-Stack.yml", "b\n")));

        var (succeeded, engine) = Run(first, second);

        Assert.False(succeeded);
        Assert.Equal(BuildMessageCodes.ConflictingArtefacts, Assert.Single(engine.Errors).Code);
        Assert.False(Directory.Exists(DeployDirectory));
    }

    [Fact]
    public void TheSameManifestTwice_WritesOnce()
    {
        var first = WriteManifest("a.g.cs", Infra("replicas: 3"));
        var second = WriteManifest("b.g.cs", Infra("replicas: 3"));
        var engine = new FakeBuildEngine();

        Assert.True(Task(engine, first, second).Execute());

        Assert.Single(engine.Lines);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void WrittenFiles_NameWhatChanged()
    {
        var engine = new FakeBuildEngine();
        var task = Task(engine, WriteManifest("m.g.cs", Infra("replicas: 3")));

        task.Execute();

        Assert.Equal(
            [Deployed("docker-stack-infra.yml"), Deployed("docker-stack-infra.prod.yml")],
            task.WrittenFiles.Select(item => item.ItemSpec));
        Assert.Equal("docker-stack-infra.prod.yml", task.WrittenFiles[1].GetMetadata("RelativePath"));
        Assert.Equal("iklimco", task.WrittenFiles[1].GetMetadata("Stack"));
    }

    [Fact]
    public void DeployFolderOutsideTheProject_IsShownInFull()
    {
        Run(Infra("replicas: 3"));
        var elsewhere = _folder.Combine("elsewhere");
        var engine = new FakeBuildEngine();
        var task = Task(engine, WriteManifest("m.g.cs", new ManifestStack("iklimco", false, "", Files())));
        task.DeployDirectory = elsewhere;

        task.Execute();

        Assert.Equal(["IklimProd: " + elsewhere + Path.DirectorySeparatorChar + " up to date"], engine.Lines);
    }

    private static ManifestStack Infra(string prodReplicas) => new(
        "iklimco",
        false,
        "10 services, prod overrides 9",
        Files(
            ("docker-stack-infra.yml", "services:\n  redis: {}\n"),
            ("docker-stack-infra.prod.yml", "services:\n  redis:\n    deploy:\n      " + prodReplicas + "\n")));

    private static KeyValuePair<string, string>[] Files(params (string Path, string Content)[] files) =>
        files.Select(file => new KeyValuePair<string, string>(file.Path, file.Content)).ToArray();

    private (bool Succeeded, FakeBuildEngine Engine) Run(params ManifestStack[] stacks)
    {
        var engine = new FakeBuildEngine();
        var succeeded = Task(engine, WriteManifest("IklimStackArtefacts.g.cs", stacks)).Execute();
        return (succeeded, engine);
    }

    private string WriteManifest(string name, params ManifestStack[] stacks)
    {
        var path = _folder.Combine("obj", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ArtefactManifest.Write(stacks));
        return path;
    }

    private WriteStackArtefacts Task(IBuildEngine engine, params string[] manifests) => new()
    {
        BuildEngine = engine,
        ManifestFiles = manifests.Select(path => (ITaskItem)new TaskItem(path)).ToArray(),
        DeployDirectory = DeployDirectory,
        ProjectDirectory = ProjectDirectory,
        ProjectName = "IklimProd",
    };

    private void AgeDeployedFiles()
    {
        foreach (var file in Directory.GetFiles(DeployDirectory, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }
    }
}
