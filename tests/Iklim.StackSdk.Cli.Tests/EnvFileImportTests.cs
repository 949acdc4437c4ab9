using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// <c>env_file</c>, a path or a list, imports as <c>EnvFile(...)</c> calls whose paths are re-based from the folder
/// Docker reads them from (the first compose file's, an overlay's too) to the stack project; the imported stack
/// deploys the variables the input deploys as docker reads both. What Docker refuses, and an overlay's env file that
/// would override the base's environment (which the DSL would deploy differently), is refused at its line.
/// </summary>
[Trait("Category", "Import")]
public sealed class EnvFileImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void PathAndList_RoundTripThroughDocker_WithTheProjectsFiles()
    {
        _folder.Write("in/api.env", "API_MODE=base\nSHARED=from-api-env\n# a comment\nLITERAL=two $x\n");
        _folder.Write("in/env/prod.env", "API_MODE=prod\nPROD_ONLY=1\n");
        _folder.Write("in/env/worker.env", "WORKER=1\n");
        var baseFile = _folder.Write("in/docker-stack.yml", """
            services:
              api:
                image: nginx:1.27.2-alpine
                environment:
                  SHARED: from-environment
                env_file: ./api.env
              worker:
                image: busybox:1.36.1
                env_file: [env/worker.env]
            """);
        // In another folder, as Docker allows: its ./env/prod.env is read from the base's folder (measured).
        var overlay = _folder.Write("overlays/docker-stack.prod.yml", """
            services:
              api:
                env_file:
                  - ./env/prod.env
            """);

        var code = RoundTrip.Check("envfiles", baseFile, overlay);

        foreach (var file in new[] { "in/api.env\")", "in/env/worker.env\")", "in/env/prod.env\")" })
        {
            Assert.True(code.Contains(file, StringComparison.Ordinal) && code.Contains(".EnvFile(\"", StringComparison.Ordinal), file + " is not an EnvFile call in the C#:\n" + code);
        }

        // The import read no value into the C#.
        Assert.DoesNotContain("from-api-env", code, StringComparison.Ordinal);
        Assert.DoesNotContain("PROD_ONLY", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    env_file:\n      - path: ./a.env\n        required: false\n", 5, "services.api.env_file[0]", "long syntax")]
    [InlineData("    env_file: [./a.env, ./a.env]\n", 4, "services.api.env_file[1]", "listed twice")]
    [InlineData("    env_file: ./missing.env\n", 4, "services.api.env_file", "does not exist")]
    public void DockerRejects_ImportRefusesAtTheKey(string keys, int line, string key, string problem)
    {
        _folder.Write("in/a.env", "A=1\n");
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n" + keys);
        Assert.NotEqual(0, DockerCli.StackConfig(file).ExitCode);

        AssertRefused(file, new[] { file }, line, key, problem);
    }

    [Fact]
    public void OverlayEnvFileOverridingTheBasesEnvironment_IsRefused_SinceTheDslKeepsEnvironmentAbove()
    {
        _folder.Write("in/prod.env", "OTHER=1\nSHARED=from-prod-env\n");
        var baseFile = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n    environment:\n      SHARED: from-environment\n");
        var overlay = _folder.Write("in/docker-stack.prod.yml", "services:\n  api:\n    env_file: ./prod.env\n");
        // What Docker does with the two files: the overlay's env file wins over the base's environment.
        Assert.Contains("SHARED: from-prod-env", DockerCli.StackConfigOrFail(baseFile, overlay), StringComparison.Ordinal);

        AssertRefused(overlay, new[] { baseFile, overlay }, 3, "services.api.env_file", "'SHARED' is set by the base's environment and by the env file './prod.env'");
    }

    [Fact]
    public void OverlayRestatingTheVariable_Imports()
    {
        _folder.Write("in/prod.env", "SHARED=from-prod-env\n");
        var baseFile = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n    environment:\n      SHARED: from-environment\n");
        var overlay = _folder.Write("in/docker-stack.prod.yml", "services:\n  api:\n    environment:\n      SHARED: from-overlay\n    env_file: ./prod.env\n");

        RoundTrip.Check("restated", baseFile, overlay);
    }

    [Fact]
    public void TildePath_IsRefusedAtItsKey_SinceDockerDoesNotExpandIt()
    {
        _folder.Write("in/~/a.env", "A=1\n");
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n    env_file: ~/a.env\n");
        // Docker reads it below the compose file's folder, not the home folder.
        Assert.Contains("A: \"1\"", DockerCli.StackConfigOrFail(file), StringComparison.Ordinal);

        AssertRefused(file, new[] { file }, 4, "services.api.env_file", "does not expand '~'");
    }

    private void AssertRefused(string file, string[] files, int line, string key, string problem) =>
        ImportRefusal.Check(_folder, file, line, key, problem, files);
}
