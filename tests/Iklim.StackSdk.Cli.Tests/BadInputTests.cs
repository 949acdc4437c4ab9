using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// Every refused input: the message names the file, the line and the key; the exit code is non-zero; nothing is
/// written (not the output folder, not a staging folder beside it). Where the input is one Docker rejects, docker
/// stack config is checked to reject it too; where only the DSL cannot express it, docker is checked to accept it.
/// </summary>
[Trait("Category", "Import")]
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("services:\n  api:\n    image: [nginx\n", 4, "(yaml)", "not valid YAML")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    image: nginx:1.28\n", 4, "(yaml)", "Duplicate key image")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    imagee: nginx:1.27\n", 4, "services.api.imagee", "Docker rejects it")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    deploy:\n      replicas: many\n", 5, "services.api.deploy.replicas", "not a whole number")]
    [InlineData("servics:\n  api:\n    image: nginx:1.27\n", 1, "servics", "Docker rejects it")]
    public void DockerRejects_ImportRefuses(string yaml, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", yaml);
        Assert.NotEqual(0, DockerCli.StackConfig(file).ExitCode);

        AssertRefused(new[] { file }, file, line, key, problem);
    }

    [Theory]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    security_opt: [no-new-privileges]\n", 4, "services.api.security_opt", "cannot express 'security_opt'")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    deploy:\n      mode: sometimes\n", 5, "services.api.deploy.mode", "mode 'sometimes'")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n      options:\n        max-size:\n", 7, "services.api.logging.options.max-size", "needs one")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    environment:\n      - FOO\n", 5, "services.api.environment.FOO", "takes it from the deploying shell")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    ports:\n      - \"127.0.0.1:80:80\"\n", 5, "services.api.ports[0]", "cannot express a host IP")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    working_dir: app\n", 4, "services.api.working_dir", "must be an absolute path")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    deploy:\n      replicas: ${REPLICAS:-2}\n", 5, "services.api.deploy.replicas", "cannot keep a deploy-time variable")]
    [InlineData("services:\n  api:\n    image: nginx:1.27\n    tmpfs: /run\n", 4, "services.api.tmpfs", "cannot express 'tmpfs'")]
    public void DslCannotExpress_ImportRefuses(string yaml, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", yaml);
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        AssertRefused(new[] { file }, file, line, key, problem);
    }

    [Fact]
    public void VersionMismatch_BetweenFiles_IsRefusedAtTheOverlay()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", "version: \"3.8\"\nservices:\n  api:\n    image: nginx:1.27\n");
        var overlay = _folder.Write("in/docker-stack.prod.yml", "version: \"3.7\"\nservices:\n  api:\n    deploy:\n      replicas: 2\n");
        Assert.NotEqual(0, DockerCli.StackConfig(baseFile, overlay).ExitCode);

        AssertRefused(new[] { baseFile, overlay }, overlay, 1, "version", "differs from 3.8");
    }

    [Fact]
    public void OverlayWithoutVersion_OverAVersionedBase_IsRefusedAsDockerDoes()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", "version: \"3.8\"\nservices:\n  api:\n    image: nginx:1.27\n");
        var overlay = _folder.Write("in/docker-stack.prod.yml", "services:\n  api:\n    deploy:\n      replicas: 2\n");
        Assert.NotEqual(0, DockerCli.StackConfig(baseFile, overlay).ExitCode);

        AssertRefused(new[] { baseFile, overlay }, overlay, 0, "version", "3.13 (none stated) differs from 3.8");
    }

    [Fact]
    public void OverlayNameThatNamesNoProfile_AsksForProfile()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n");
        var overlay = _folder.Write("in/production.yml", "services:\n  api:\n    deploy:\n      replicas: 2\n");

        AssertRefused(new[] { baseFile, overlay }, overlay, 0, "--profile", "name it with --profile");
    }

    [Fact]
    public void RefusedImport_LeavesAnExistingProjectFolderUntouched()
    {
        var output = Path.Combine(_folder.Path, "out", "Payments");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "Payments.csproj"), "<Project />\n");
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n    privileged: true\n");

        var result = Tool.Run("import", file, "--name", "payments", "--output", output);

        Assert.Equal(Program.Refused, result.ExitCode);
        Assert.Equal(new[] { "Payments.csproj" }, Directory.GetFiles(output).Select(Path.GetFileName));
        Assert.Equal(new[] { output }, Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!));
    }

    // A refusal of bad input also prints nothing on standard output.
    private void AssertRefused(string[] files, string file, int line, string key, string problem) =>
        Assert.Empty(ImportRefusal.Check(_folder, file, line, key, problem, files).Output);
}
