using System.Diagnostics;
using Xunit;

namespace Iklim.StackSdk.Build.Tests;

/// <summary>
/// Relative host paths in C# are relative to the stack project: the build writes them relative to the deploy folder,
/// `docker stack config` resolves them to the project's real files, and a config or secret file that does not exist
/// fails the build at the C# call (IKS0906). TinyStack builds with the whole SDK from this repository.
/// </summary>
[Trait("Category", "Build")]
[Collection(nameof(StackProjectBuildTests))]
public sealed class HostPathBuildTests
{
    private const string Calls = """
        stack.Config("caddyfile").File("./caddy/Caddyfile");
                stack.Secret("token").File("../shared/token.txt");
                stack.Service("web").Image("nginx:1.27.2-alpine").Network("net").Replicas(2)
                    .Config("caddyfile", "/etc/caddy/Caddyfile").Secret("token").Bind("./static", "/srv", readOnly: true)
                    .EnvFile("env/web.env");
        """;

    [Fact]
    public void RelativePaths_AreWrittenFromTheDeployFolder_AndDockerFindsTheProjectsFiles()
    {
        using var fixture = WithHostPaths();
        var build = fixture.Build();
        Assert.True(build.ExitCode == 0, build.Output);

        var baseFile = Path.Combine(fixture.DeployDirectory, "docker-stack-tiny.yml");
        var text = File.ReadAllText(baseFile);
        Assert.Contains("      - \"../static:/srv:ro\"\n", text, StringComparison.Ordinal);
        Assert.Contains("    file: \"../caddy/Caddyfile\"\n", text, StringComparison.Ordinal);
        Assert.Contains("    file: \"../../shared/token.txt\"\n", text, StringComparison.Ordinal);
        Assert.Contains("    env_file:\n      - \"../env/web.env\"\n", text, StringComparison.Ordinal);
        // The build never reads the env file: its value reaches no artefact.
        Assert.DoesNotContain(EnvFileValue, string.Concat(Directory.GetFiles(fixture.DeployDirectory).Select(File.ReadAllText)), StringComparison.Ordinal);
        AssertDockerResolves(fixture, baseFile);
    }

    [Fact]
    public void DeployFolderOutsideTheProject_StillResolvesToTheProjectsFiles()
    {
        using var fixture = WithHostPaths();
        var elsewhere = fixture.TempPath(Path.Combine("out", "deploy"));
        var build = fixture.Build(null, "-p:IklimStackDeployDir=" + elsewhere);
        Assert.True(build.ExitCode == 0, build.Output);

        var baseFile = Path.Combine(elsewhere, "docker-stack-tiny.yml");
        Assert.Contains("    file: \"../../TinyStack/caddy/Caddyfile\"\n", File.ReadAllText(baseFile), StringComparison.Ordinal);
        AssertDockerResolves(fixture, baseFile);
    }

    [Fact]
    public void MissingFile_FailsAtItsCall_AndWritesNothing()
    {
        using var fixture = WithHostPaths();
        File.Delete(Path.Combine(fixture.ProjectDirectory, "caddy", "Caddyfile"));
        var source = Path.Combine(fixture.ProjectDirectory, "TinyStack.cs");
        var line = File.ReadAllLines(source).Select((l, i) => (l, i)).Single(x => x.l.Contains("stack.Config(\"caddyfile\")", StringComparison.Ordinal));
        // At the File(...) call that names the path.
        var column = line.l.IndexOf("File(", StringComparison.Ordinal) + 1;

        var build = fixture.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"TinyStack.cs({line.i + 1},{column}): error IKS0906: TinyStack: tiny not written: config 'caddyfile' reads './caddy/Caddyfile', which does not exist", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("IKS0906: TinyStack: tiny not written: secret", build.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.DeployDirectory, "docker-stack-tiny.yml")), build.Output);
    }

    [Fact]
    public void UsersOwnConfig_AtTheGatewaysPath_IsTheUsersFile_CheckedAndRebased()
    {
        // The name and path a gateway's generated config.yaml has; this stack has no gateway, so the file is the user's.
        using var fixture = new FixtureBuild("TinyStack");
        Replace(fixture, """
            stack.Config("apisix_config").File("./config/apisix/config.yaml");
                    stack.Service("web").Image("nginx:1.27.2-alpine").Network("net").Replicas(2).Config("apisix_config", "/etc/app/config.yaml");
            """);
        var source = Path.Combine(fixture.ProjectDirectory, "TinyStack.cs");
        var line = File.ReadAllLines(source).Select((l, i) => (l, i)).Single(x => x.l.Contains("stack.Config(\"apisix_config\")", StringComparison.Ordinal));
        var column = line.l.IndexOf("File(", StringComparison.Ordinal) + 1;

        var missing = fixture.Build();

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains($"TinyStack.cs({line.i + 1},{column}): error IKS0906: TinyStack: tiny not written: config 'apisix_config' reads './config/apisix/config.yaml', which does not exist", missing.Output, StringComparison.Ordinal);

        var mine = Path.Combine(fixture.ProjectDirectory, "config", "apisix", "config.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(mine)!);
        File.WriteAllText(mine, "deployment:\n  role: traditional\n");
        var build = fixture.Build();

        Assert.True(build.ExitCode == 0, build.Output);
        var baseFile = Path.Combine(fixture.DeployDirectory, "docker-stack-tiny.yml");
        Assert.Contains("    file: \"../config/apisix/config.yaml\"\n", File.ReadAllText(baseFile), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fixture.DeployDirectory, "config")), "the build wrote a config folder for a stack without a gateway");
        Assert.Contains("file: " + mine + "\n", DockerConfig(baseFile), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingEnvFile_FailsAtItsPathArgument_AndWritesNothing()
    {
        using var fixture = WithHostPaths();
        File.Delete(Path.Combine(fixture.ProjectDirectory, "env", "web.env"));
        var source = Path.Combine(fixture.ProjectDirectory, "TinyStack.cs");
        var line = File.ReadAllLines(source).Select((l, i) => (l, i)).Single(x => x.l.Contains(".EnvFile(", StringComparison.Ordinal));
        // At the path argument, the text to fix.
        var column = line.l.IndexOf("\"env/web.env\"", StringComparison.Ordinal) + 1;

        var build = fixture.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"TinyStack.cs({line.i + 1},{column}): error IKS0906: TinyStack: tiny not written: service 'web' reads the env file 'env/web.env', which does not exist", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("IKS0906: TinyStack: tiny not written: config", build.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.DeployDirectory, "docker-stack-tiny.yml")), build.Output);
    }

    private const string EnvFileValue = "not-in-any-artefact-7f3a";

    private static FixtureBuild WithHostPaths()
    {
        var fixture = new FixtureBuild("TinyStack");
        Replace(fixture, Calls);
        Directory.CreateDirectory(Path.Combine(fixture.ProjectDirectory, "caddy"));
        File.WriteAllText(Path.Combine(fixture.ProjectDirectory, "caddy", "Caddyfile"), ":80\n");
        Directory.CreateDirectory(Path.Combine(fixture.ProjectDirectory, "static"));
        Directory.CreateDirectory(Path.Combine(fixture.ProjectDirectory, "env"));
        File.WriteAllText(Path.Combine(fixture.ProjectDirectory, "env", "web.env"), "WEB_GREETING=" + EnvFileValue + " $HOME\n");
        Directory.CreateDirectory(fixture.TempPath("shared"));
        File.WriteAllText(fixture.TempPath(Path.Combine("shared", "token.txt")), "not-a-secret\n");
        return fixture;
    }

    // The fixture's one web service becomes the calls of a test.
    private static void Replace(FixtureBuild fixture, string calls)
    {
        var source = Path.Combine(fixture.ProjectDirectory, "TinyStack.cs");
        var text = File.ReadAllText(source).ReplaceLineEndings("\n");
        const string web = "stack.Service(\"web\").Image(\"nginx:1.27.2-alpine\").Network(\"net\").Replicas(2);";
        Assert.Contains(web, text, StringComparison.Ordinal);
        File.WriteAllText(source, text.Replace(web, calls, StringComparison.Ordinal));
    }

    // Docker resolves the relative paths against the compose file's folder, wherever the command runs.
    private static void AssertDockerResolves(FixtureBuild fixture, string baseFile)
    {
        var output = DockerConfig(baseFile);
        Assert.Contains("file: " + Path.Combine(fixture.ProjectDirectory, "caddy", "Caddyfile") + "\n", output, StringComparison.Ordinal);
        Assert.Contains("file: " + fixture.TempPath(Path.Combine("shared", "token.txt")) + "\n", output, StringComparison.Ordinal);
        Assert.Contains("source: " + Path.Combine(fixture.ProjectDirectory, "static") + "\n", output, StringComparison.Ordinal);
        // Docker read the project's env file, and left the $HOME in it as it is.
        Assert.Contains("WEB_GREETING: " + EnvFileValue + " $HOME\n", output, StringComparison.Ordinal);
    }

    private static string DockerConfig(string baseFile)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in new[] { "stack", "config", "-c", baseFile })
        {
            start.ArgumentList.Add(argument);
        }

        using var docker = Process.Start(start)!;
        var output = docker.StandardOutput.ReadToEnd();
        var error = docker.StandardError.ReadToEnd();
        docker.WaitForExit();
        Assert.True(docker.ExitCode == 0, error);
        return output;
    }
}
