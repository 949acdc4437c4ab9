using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// <c>env_file</c>: the paths written in C# relative to the project are what <c>docker stack config</c> resolves to the
/// project's real files from the deploy folder; Docker's precedence (environment over every file, a later file over an
/// earlier one) holds in base + overlay as in one file; the files pass the compose-spec schema and dclint; no value of
/// an env file reaches an artefact. The facts about Docker the planner relies on are pinned on hand-written files, so
/// a docker that changes them fails here first.
/// </summary>
public sealed class EnvFileTests
{
    private const string Secretish = "value-only-in-the-env-file-5c1d";

    private static (StackModel Model, TempFolder Folder) Build(Action<IServiceBuilder>? profile = null)
    {
        var folder = new TempFolder();
        folder.Write("env/api.env", "MODE=file\nSHARED=from-api-env\nLITERAL=two $x ${HOME}\nTOKEN=" + Secretish + "\n# a comment\n");
        folder.Write("env/later.env", "SHARED=from-later-env\nLATER=1\n");
        folder.Write("env/$dollar.env", "DOLLAR_FILE=read\n");
        folder.Write("elsewhere/abs.env", "ABSOLUTE=read\n");
        folder.Write("vars/var.env", "FROM_VARIABLE_PATH=read\n");
        folder.Write("env/prod.env", "PROD=1\nSHARED=from-prod-env\nMODE=prod-file\n");

        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Service("api").Image("nginx:1.27.2-alpine")
            .Environment("SHARED", "from-environment")
            .EnvFile("./env/api.env")
            .EnvFile("env/later.env")
            .EnvFile("./env/$dollar.env")
            .EnvFile(Path.Combine(folder.Path, "elsewhere", "abs.env"))
            .EnvFile(Env.Var("IKLIM_ENV_DIR", Path.Combine(folder.Path, "vars")) + "/var.env");
        stack.Profile("prod", prod => (profile ?? (s => s.EnvFile("./env/prod.env")))(prod.Service("api")));
        var result = stack.Build();
        Assert.Empty(result.Findings);
        return (result.Model, folder);
    }

    private static (string Base, string Overlay, string Effective) Write(StackModel model, TempFolder folder) => ProfileFiles.Write(folder, model);

    [Fact]
    public void DockerReadsTheProjectsFiles_FromTheRebasedPaths()
    {
        var (model, folder) = Build();
        using var _ = folder;
        var files = Write(model, folder);

        var text = File.ReadAllText(files.Base);
        Assert.Contains("    env_file:\n      - \"../env/api.env\"\n      - \"../env/later.env\"\n      - \"../env/$$dollar.env\"\n", text, StringComparison.Ordinal);
        // An absolute path and a deploy-time one are written as they are.
        Assert.Contains("      - " + Path.Combine(folder.Path, "elsewhere", "abs.env") + "\n      - ${IKLIM_ENV_DIR:-" + Path.Combine(folder.Path, "vars") + "}/var.env\n", text, StringComparison.Ordinal);

        var docker = Yaml.Parse(DockerCli.StackConfigOrFail(files.Base));
        Assert.Equal("file", Yaml.Scalar(docker, "services", "api", "environment", "MODE"));
        // Docker does not interpolate inside an env file.
        Assert.Equal("two $x ${HOME}", Yaml.Scalar(docker, "services", "api", "environment", "LITERAL"));
        // environment wins over every file; among the files, the later one.
        Assert.Equal("from-environment", Yaml.Scalar(docker, "services", "api", "environment", "SHARED"));
        Assert.Equal("1", Yaml.Scalar(docker, "services", "api", "environment", "LATER"));
        Assert.Equal("read", Yaml.Scalar(docker, "services", "api", "environment", "DOLLAR_FILE"));
        Assert.Equal("read", Yaml.Scalar(docker, "services", "api", "environment", "ABSOLUTE"));
        Assert.Equal("read", Yaml.Scalar(docker, "services", "api", "environment", "FROM_VARIABLE_PATH"));
    }

    [Fact]
    public void AProfilesEnvFile_MergesAsInOneFile_EnvironmentStillWinning()
    {
        var (model, folder) = Build();
        using var _ = folder;
        var files = Write(model, folder);

        var merged = DockerCli.StackConfigOrFail(files.Base, files.Overlay);
        Assert.Equal(DockerCli.StackConfigOrFail(files.Effective), merged);
        var docker = Yaml.Parse(merged);
        Assert.Equal("1", Yaml.Scalar(docker, "services", "api", "environment", "PROD"));
        Assert.Equal("prod-file", Yaml.Scalar(docker, "services", "api", "environment", "MODE"));
        Assert.Equal("from-environment", Yaml.Scalar(docker, "services", "api", "environment", "SHARED"));
        Assert.Equal("two $x ${HOME}", Yaml.Scalar(docker, "services", "api", "environment", "LITERAL"));
        Assert.Equal(
            new[] { "../env/api.env", "../env/later.env", "../env/$dollar.env", Path.Combine(folder.Path, "elsewhere", "abs.env"), Path.Combine(folder.Path, "vars") + "/var.env", "../env/prod.env" },
            Yaml.Scalars(docker, "services", "api", "env_file"));

        // The overlay names only the new file, and restates the environment above it.
        var overlay = Yaml.Parse(File.ReadAllText(files.Overlay));
        Assert.Equal(new[] { "../env/prod.env" }, Yaml.Scalars(overlay, "services", "api", "env_file"));
        Assert.Equal("from-environment", Yaml.Scalar(overlay, "services", "api", "environment", "SHARED"));
    }

    [Fact]
    public void AProfileNamingABaseFileAgain_WritesNoEnvFile()
    {
        var (model, folder) = Build(s => s.EnvFile("env/api.env").Replicas(2));
        using var _ = folder;
        var plan = OverlayPlanner.Plan(model.Base, model.Profiles[0]);

        var service = plan.Overlay.Service("api")!;
        Assert.True(service.EnvFiles.IsEmpty);
        Assert.True(service.Environment.IsEmpty);
        Assert.Equal(model.Base.Service("api")!.EnvFiles, plan.Effective.Service("api")!.EnvFiles);
    }

    [Fact]
    public void DockersOwnMerge_WithoutTheRestatedEnvironment_LetsTheOverlaysFileWin()
    {
        using var folder = new TempFolder();
        folder.Write("a.env", "K=from-a\nE=from-a\n");
        folder.Write("b.env", "K=from-b\nE=\n");
        var baseFile = folder.Write("base.yml", "services:\n  web:\n    image: nginx:1.27.2-alpine\n    environment:\n      K: from-environment\n    env_file: ./a.env\n");
        var overlay = folder.Write("overlay.yml", "services:\n  web:\n    env_file: ./b.env\n");
        var oneFile = folder.Write("one.yml", "services:\n  web:\n    image: nginx:1.27.2-alpine\n    environment:\n      K: from-environment\n    env_file: [./a.env, ./b.env]\n");

        var merged = Yaml.Parse(DockerCli.StackConfigOrFail(baseFile, overlay));
        var single = Yaml.Parse(DockerCli.StackConfigOrFail(oneFile));

        // Each file's env_file is resolved before the merge: the overlay's file beats the base's environment ...
        Assert.Equal("from-b", Yaml.Scalar(merged, "services", "web", "environment", "K"));
        Assert.Equal("from-environment", Yaml.Scalar(single, "services", "web", "environment", "K"));
        // ... and an empty value in it does not override, where in one file the later file's empty value wins.
        Assert.Equal("from-a", Yaml.Scalar(merged, "services", "web", "environment", "E"));
        Assert.Equal(string.Empty, Yaml.Scalar(single, "services", "web", "environment", "E"));
    }

    [Fact]
    public void DockerRefuses_LongSyntax_ARepeatedFile_AndAMissingOne()
    {
        using var folder = new TempFolder();
        folder.Write("a.env", "A=1\n");
        foreach (var (entry, error) in new[]
        {
            ("\n      - path: ./a.env\n        required: false", "env_file.0 must be a string"),
            (" [./a.env, ./a.env]", "must be unique"),
            (" ./missing.env", "no such file or directory"),
        })
        {
            var file = folder.Write("stack.yml", "services:\n  web:\n    image: nginx:1.27.2-alpine\n    env_file:" + entry + "\n");
            var result = DockerCli.StackConfig(file);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(error, result.Error, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Files_PassComposeSchemaAndDclint()
    {
        var (model, folder) = Build();
        using var _ = folder;
        var files = Write(model, folder);
        ComposeLint.AssertSchemaAndDclint(folder, files.Base, files.Overlay, files.Effective);
    }

    [Fact]
    public void NoArtefact_HoldsAValueOfAnEnvFile()
    {
        var (model, folder) = Build();
        using var _ = folder;
        var artefacts = StackArtefacts.Create(model);

        Assert.Contains(artefacts, a => a.Content.Contains("env/api.env", StringComparison.Ordinal));
        Assert.DoesNotContain(artefacts, a => a.Content.Contains(Secretish, StringComparison.Ordinal) || a.Content.Contains("from-api-env", StringComparison.Ordinal));
    }

    [Fact]
    public void EachFileOnce_InOrder_WhateverItsSpelling()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Service("api").Image("nginx:1.27.2-alpine").EnvFile("b.env").EnvFile("./a.env").EnvFile("./b.env").EnvFile("x/../a.env").EnvFile("/etc/c.env");
        var service = stack.Build().Model.Base.Service("api")!;

        Assert.Equal(new[] { "b.env", "./a.env", "/etc/c.env" }, service.EnvFiles);
    }

    [Theory]
    [InlineData("~/api.env", "does not expand '~'")]
    [InlineData("", "cannot be empty")]
    public void BadPath_IsRefusedNamingItsParameter(string path, string problem)
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        var e = Assert.Throws<ArgumentException>(() => stack.Service("api").EnvFile(path));
        Assert.Equal("path", e.ParamName);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
