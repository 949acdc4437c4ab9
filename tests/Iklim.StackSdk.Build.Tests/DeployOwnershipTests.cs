using System.Globalization;
using System.Text;
using Iklim.StackSdk.Generators.Manifest;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace Iklim.StackSdk.Build.Tests;

/// <summary>
/// Several stacks in one deploy folder, the list of owned files (.iklim-stack-files), and all-or-nothing writing,
/// against hand-written manifests and a real disk.
/// </summary>
public sealed class DeployOwnershipTests : IDisposable
{
    private const string ListName = ".iklim-stack-files";

    private const string ListHeader = "# Iklim.StackSdk owned files v1: the build writes these files and deletes the ones it stops producing. Do not edit.\n";

    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static readonly string[] StackMdJoined = ["STACK.md"];

    private readonly TempFolder _folder = new();

    private string DeployDirectory => _folder.Combine("Infra", "deploy");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TwoStacks_WriteBoth_AndShareOneStackMdWithASectionEach()
    {
        var (succeeded, engine) = Run(Elk(), Infra(profiles: ["prod"]));

        Assert.True(succeeded, string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.Empty(engine.Errors);
        Assert.Equal("services:\n  elasticsearch: {}\n", Read("docker-stack-elk.yml"));
        Assert.Equal("services:\n  redis: {}\n", Read("docker-stack-infra.yml"));
        Assert.Equal("# Stack 'elk'\n\nelk placement\n\n# Stack 'infra'\n\ninfra placement\n", Read("STACK.md"));
        Assert.Equal(
            ["Infra: wrote docker-stack-elk.yml, STACK.md (1 service)", "Infra: wrote docker-stack-infra.yml, docker-stack-infra.prod.yml (1 service)"],
            engine.Lines);
        Assert.Equal(
            ListHeader + "STACK.md\ndocker-stack-elk.yml\ndocker-stack-infra.prod.yml\ndocker-stack-infra.yml\n",
            Read(ListName));
    }

    [Fact]
    public void OneStack_GetsExactlyItsOwnStackMd()
    {
        Run(Infra(profiles: ["prod"]));

        Assert.Equal("# Stack 'infra'\n\ninfra placement\n", Read("STACK.md"));
    }

    [Fact]
    public void TwoStacksClaimingOneBaseFile_IsAnErrorAtTheLaterStacksAttribute_AndNothingIsWritten()
    {
        var second = Stack("metrics", ("docker-stack-infra.yml", "services:\n  prometheus: {}\n")) with
        {
            Origin = new ManifestOrigin("/src/Infra/MetricsStack.cs", 7, 2),
        };

        var (succeeded, engine) = Run(Infra(profiles: []), second);

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(BuildMessageCodes.ConflictingArtefacts, error.Code);
        Assert.Equal(("/src/Infra/MetricsStack.cs", 7, 2), (error.File, error.LineNumber, error.ColumnNumber));
        Assert.Contains("'docker-stack-infra.yml' is also produced by infra", error.Message, StringComparison.Ordinal);
        Assert.Equal("https://github.com/iklimco/Iklim.StackSdk/blob/main/docs/rules/IKS0903.md", error.HelpLink);
        Assert.False(Directory.Exists(DeployDirectory));
    }

    [Fact]
    public void RemovedProfile_ItsOverlayIsDeleted_AndTheListForgetsIt()
    {
        Run(Infra(profiles: ["prod", "staging"]));
        Assert.True(File.Exists(Deployed("docker-stack-infra.staging.yml")));

        var (succeeded, engine) = Run(Infra(profiles: ["prod"]));

        Assert.True(succeeded);
        Assert.False(File.Exists(Deployed("docker-stack-infra.staging.yml")));
        Assert.True(File.Exists(Deployed("docker-stack-infra.prod.yml")));
        Assert.Equal(["Infra: deploy/ up to date (1 service)", "Infra: deleted docker-stack-infra.staging.yml (no longer produced)"], engine.Lines);
        Assert.DoesNotContain("staging", Read(ListName), StringComparison.Ordinal);
    }

    [Fact]
    public void RemovedGateway_ItsFilesAndTheirEmptiedFoldersGo_AFolderWithAUserFileStays()
    {
        var withGateway = Stack("infra", ("docker-stack-infra.yml", "a\n"), ("init/apisix-core/init.sh", "#!/bin/sh\n"), ("config/apisix/config.yaml", "deployment: {}\n"));
        Run(withGateway);
        File.WriteAllText(Deployed("config/notes.txt"), "mine\n");

        Run(Stack("infra", ("docker-stack-infra.yml", "a\n")));

        Assert.False(Directory.Exists(Deployed("init")));
        Assert.False(Directory.Exists(Deployed("config/apisix")));
        Assert.Equal("mine\n", Read("config/notes.txt"));
    }

    [Fact]
    public void FilesTheBuildDoesNotOwn_AreNeverTouched_ThroughWritesAndDeletes()
    {
        Directory.CreateDirectory(Deployed("scripts"));
        File.WriteAllText(Deployed("README.md"), "how we deploy\n");
        File.WriteAllText(Deployed("scripts/rotate.sh"), "#!/bin/sh\necho rotate\n");
        File.WriteAllText(Deployed("docker-stack-infra.staging.yml"), "kept by hand\n");
        foreach (var file in new[] { "README.md", "scripts/rotate.sh", "docker-stack-infra.staging.yml" })
        {
            File.SetLastWriteTimeUtc(Deployed(file), LongAgo);
        }

        var before = UserFiles();
        Run(Infra(profiles: ["prod"]));
        Run(Infra(profiles: ["prod"], redis: "redis-2"));
        Run(Infra(profiles: []));

        Assert.Equal(before, UserFiles());
        Assert.DoesNotContain("README.md", Read(ListName), StringComparison.Ordinal);
    }

    [Fact]
    public void AFileTheBuildDoesNotOwn_InTheWayOfANewArtefact_IsAnError_AndNothingIsWritten()
    {
        Run(Infra(profiles: []));
        File.WriteAllText(Deployed("docker-stack-infra.prod.yml"), "written by hand\n");
        var before = FixtureBuild.Snapshot(DeployDirectory);

        var (succeeded, engine) = Run(Infra(profiles: ["prod"], redis: "redis-2"));

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(BuildMessageCodes.NotOwned, error.Code);
        Assert.Equal(Deployed("docker-stack-infra.prod.yml"), error.File);
        Assert.Equal(before, FixtureBuild.Snapshot(DeployDirectory));
    }

    [Fact]
    public void FirstBuildAfterTheUpgrade_OwnsExactlyWhatItProduces()
    {
        Directory.CreateDirectory(DeployDirectory);
        File.WriteAllText(Deployed("docker-stack-infra.yml"), "services:\n  redis: {}\n");
        File.WriteAllText(Deployed("docker-stack-infra.prod.yml"), "an older build's overlay\n");
        File.WriteAllText(Deployed("docker-stack-infra.staging.yml"), "a removed profile, or a hand-written file: the build cannot tell\n");

        var (succeeded, engine) = Run(Infra(profiles: ["prod"]));

        Assert.True(succeeded);
        Assert.Equal("services:\n  redis:\n    deploy:\n      replicas: 2\n", Read("docker-stack-infra.prod.yml"));
        Assert.Equal("a removed profile, or a hand-written file: the build cannot tell\n", Read("docker-stack-infra.staging.yml"));
        Assert.Equal(ListHeader + "STACK.md\ndocker-stack-infra.prod.yml\ndocker-stack-infra.yml\n", Read(ListName));
        Assert.Equal(
            ["Infra: wrote docker-stack-infra.prod.yml, STACK.md (1 service)", "Infra: deploy/.iklim-stack-files now lists the files the build owns; other files in the folder are never touched"],
            engine.Lines);
    }

    [Fact]
    public void AnOwnedFileEditedByHand_IsOverwritten_AndNamedAsWritten()
    {
        Run(Infra(profiles: ["prod"]));
        File.WriteAllText(Deployed("docker-stack-infra.prod.yml"), "edited by hand\n");

        var (succeeded, engine) = Run(Infra(profiles: ["prod"]));

        Assert.True(succeeded);
        Assert.Equal("services:\n  redis:\n    deploy:\n      replicas: 2\n", Read("docker-stack-infra.prod.yml"));
        Assert.Equal(["Infra: wrote docker-stack-infra.prod.yml (1 service)"], engine.Lines);
    }

    [Fact]
    public void FailureWhileMoving_AFolderWhereAnOwnedFileGoes_LeavesEveryFileByteIdentical()
    {
        Run(Infra(profiles: ["prod"]));
        File.Delete(Deployed("docker-stack-infra.prod.yml"));
        Directory.CreateDirectory(Deployed("docker-stack-infra.prod.yml"));
        var before = FixtureBuild.Snapshot(DeployDirectory);
        var timestamps = FixtureBuild.Timestamps(DeployDirectory);

        // The base file changes and comes first, so it is moved into place before the overlay fails.
        var (succeeded, engine) = Run(Infra(profiles: ["prod"], redis: "redis-2"));

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(BuildMessageCodes.WriteFailed, error.Code);
        Assert.Equal(Deployed("docker-stack-infra.prod.yml"), error.File);
        Assert.Contains("nothing in the deploy folder was changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, FixtureBuild.Snapshot(DeployDirectory));
        Assert.Equal(timestamps, FixtureBuild.Timestamps(DeployDirectory));
        Assert.False(Directory.Exists(Deployed(".iklim-stack-staging")));
    }

    [Fact]
    public void FailureWhileMoving_ANameTheDiskRefuses_UndoesTheFilesAlreadyMoved()
    {
        Run(Stack("infra", ("docker-stack-infra.yml", "one\n"), ("STACK.md", "one\n")));
        var before = FixtureBuild.Snapshot(DeployDirectory);

        // Every name component is limited to 255 bytes: staged under a short name, it fails only when moved into place.
        var (succeeded, engine) = Run(Stack("infra", ("docker-stack-infra.yml", "two\n"), ("STACK.md", "two\n"), (new string('x', 300) + ".yml", "x\n")));

        Assert.False(succeeded);
        Assert.Equal(BuildMessageCodes.WriteFailed, Assert.Single(engine.Errors).Code);
        Assert.Equal(before, FixtureBuild.Snapshot(DeployDirectory));
        Assert.Equal("one\n", Read("docker-stack-infra.yml"));
        Assert.False(Directory.Exists(Deployed(".iklim-stack-staging")));
    }

    [Fact]
    public void FailureWhileMoving_AFileWhereAFolderMustGo_LeavesEveryFileByteIdentical()
    {
        Run(Infra(profiles: ["prod"]));
        File.WriteAllText(Deployed("init"), "a file called init\n");
        var before = FixtureBuild.Snapshot(DeployDirectory);

        var (succeeded, engine) = Run(Stack("infra", ("docker-stack-infra.yml", "changed\n"), ("init/apisix-core/init.sh", "#!/bin/sh\n")));

        Assert.False(succeeded);
        Assert.Equal(BuildMessageCodes.WriteFailed, Assert.Single(engine.Errors).Code);
        Assert.Equal(before, FixtureBuild.Snapshot(DeployDirectory));
    }

    [Fact]
    public void AStagingFolderLeftByAKilledBuild_IsRemovedEvenWhenNothingChanges()
    {
        Run(Infra(profiles: ["prod"]));
        Directory.CreateDirectory(Deployed(".iklim-stack-staging"));
        File.WriteAllText(Deployed(".iklim-stack-staging/new-0"), "half a build\n");

        var (succeeded, engine) = Run(Infra(profiles: ["prod"]));

        Assert.True(succeeded);
        Assert.Equal(["Infra: deploy/ up to date (1 service)"], engine.Lines);
        Assert.False(Directory.Exists(Deployed(".iklim-stack-staging")));
    }

    [Fact]
    public void FailureOnTheFirstBuild_LeavesNoDeployFolder()
    {
        var (succeeded, _) = Run(Stack("infra", ("docker-stack-infra.yml", "a\n"), (new string('x', 300) + ".yml", "x\n")));

        Assert.False(succeeded);
        Assert.False(Directory.Exists(DeployDirectory));
    }

    [Fact]
    public void TheList_IsTheSameBytesWhateverTheOrderAndCulture()
    {
        var stacks = new[]
        {
            Stack("b", ("İnit/b.sh", "b\n"), ("docker-stack-b.yml", "b\n"), ("Zeta.yml", "b\n")),
            Stack("a", ("init/a.sh", "a\n"), ("docker-stack-a.yml", "a\n"), ("alpha/Index.md", "a\n")),
        };
        var culture = CultureInfo.CurrentCulture;
        byte[] first;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Run(stacks);
            first = File.ReadAllBytes(Deployed(ListName));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Directory.Delete(DeployDirectory, recursive: true);
        Run([.. stacks.Reverse()]);

        Assert.Equal(first, File.ReadAllBytes(Deployed(ListName)));
        Assert.Equal(
            ListHeader + "Zeta.yml\nalpha/Index.md\ndocker-stack-a.yml\ndocker-stack-b.yml\ninit/a.sh\nİnit/b.sh\n",
            new UTF8Encoding(false, true).GetString(first));
        Assert.NotEqual(0xEF, first[0]);
    }

    [Fact]
    public void AListLineOutsideTheFolder_IsIgnoredWithAWarning_AndNothingOutsideIsDeleted()
    {
        Run(Infra(profiles: []));
        var outside = _folder.Combine("Infra", "Program.cs");
        File.WriteAllText(outside, "class Program {}\n");
        File.AppendAllText(Deployed(ListName), "../Program.cs\n");

        var (succeeded, engine) = Run(Infra(profiles: []));

        Assert.True(succeeded);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(BuildMessageCodes.UnsafeOwnedFile, warning.Code);
        Assert.Contains("'../Program.cs'", warning.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(outside));
        Assert.DoesNotContain("Program.cs", Read(ListName), StringComparison.Ordinal);
    }

    [Fact]
    public void ABlockedStack_KeepsItsFilesAndItsSectionOfStackMd()
    {
        Run(Elk(), Infra(profiles: ["prod"]));
        var stackMd = Read("STACK.md");

        var (succeeded, engine) = Run(Elk(), new ManifestStack("infra", true, "IKS0002 in Configure", []));

        Assert.True(succeeded);
        Assert.Equal(stackMd, Read("STACK.md"));
        Assert.True(File.Exists(Deployed("docker-stack-infra.prod.yml")));
        Assert.Contains("docker-stack-infra.prod.yml", Read(ListName), StringComparison.Ordinal);
        Assert.Contains("Infra: infra not written: IKS0002 in Configure", engine.Lines);
    }

    [Fact]
    public void AnArtefactNamedLikeTheBuildsBookkeeping_IsRejected()
    {
        var (succeeded, engine) = Run(Stack("infra", ("docker-stack.yml", "a\n"), (ListName, "STACK.md\n")));

        Assert.False(succeeded);
        Assert.Equal(BuildMessageCodes.UnsafeArtefactPath, Assert.Single(engine.Errors).Code);
        Assert.False(Directory.Exists(DeployDirectory));
    }

    private static ManifestStack Elk() =>
        Stack("elk", ("docker-stack-elk.yml", "services:\n  elasticsearch: {}\n"), ("STACK.md", "# Stack 'elk'\n\nelk placement\n"));

    private static ManifestStack Infra(string[] profiles, string redis = "redis")
    {
        var files = new List<(string, string)> { ("docker-stack-infra.yml", "services:\n  " + redis + ": {}\n") };
        files.AddRange(profiles.Select(profile => ("docker-stack-infra." + profile + ".yml", "services:\n  " + redis + ":\n    deploy:\n      replicas: 2\n")));
        files.Add(("STACK.md", "# Stack 'infra'\n\ninfra placement\n"));
        return Stack("infra", [.. files]);
    }

    private static ManifestStack Stack(string name, params (string Path, string Content)[] files) =>
        new(name, false, name is "infra" or "elk" ? "1 service" : string.Empty, files.Select(file => new KeyValuePair<string, string>(file.Path, file.Content)).ToArray());

    private string Deployed(string relativePath) => Path.Combine(DeployDirectory, relativePath);

    private string Read(string relativePath) => File.ReadAllText(Deployed(relativePath));

    private SortedDictionary<string, (string Text, DateTime Written)> UserFiles() => new(
        new[] { "README.md", "scripts/rotate.sh", "docker-stack-infra.staging.yml" }.ToDictionary(file => file, file => (File.ReadAllText(Deployed(file)), File.GetLastWriteTimeUtc(Deployed(file)))),
        StringComparer.Ordinal);

    private (bool Succeeded, FakeBuildEngine Engine) Run(params ManifestStack[] stacks)
    {
        var manifest = _folder.Combine("obj", "IklimStackArtefacts.g.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
        File.WriteAllText(manifest, ArtefactManifest.Write(stacks, StackMdJoined));
        var engine = new FakeBuildEngine();
        var task = new WriteStackArtefacts
        {
            BuildEngine = engine,
            ManifestFiles = [new TaskItem(manifest)],
            DeployDirectory = DeployDirectory,
            ProjectDirectory = _folder.Combine("Infra"),
            ProjectName = "Infra",
        };
        var succeeded = task.Execute();

        // Every code the task reports links to its page.
        Assert.All(engine.Errors, error => Assert.Equal(BuildMessageCodes.HelpLink(error.Code), error.HelpLink));
        Assert.All(engine.Warnings, warning => Assert.Equal(BuildMessageCodes.HelpLink(warning.Code), warning.HelpLink));
        return (succeeded, engine);
    }
}
