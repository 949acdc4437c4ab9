using Iklim.StackSdk.Cli.Importing;
using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// The service key <c>restart</c> imports as the <c>.RestartPolicy</c> call that gives the Swarm spec docker stack
/// deploy (CLI 28.2.2) gave for it, measured with <c>docker service inspect</c> (docs/compose-coverage.md, and
/// RestartSwarmTests deploys both files): always and unless-stopped are condition any, on-failure[:N] is on-failure
/// with N max attempts, no is no policy. Beside deploy.restart_policy Docker ignores it, and the importer lists it as
/// dropped. What Docker refuses, or what docker CLI versions deploy differently, is refused at its line.
/// </summary>
[Trait("Category", "Import")]
public sealed class RestartImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("always", ".RestartPolicy(RestartCondition.Any)", "condition: any")]
    [InlineData("unless-stopped", ".RestartPolicy(RestartCondition.Any)", "condition: any")]
    [InlineData("on-failure", ".RestartPolicy(RestartCondition.OnFailure)", "condition: on-failure")]
    [InlineData("on-failure:0", ".RestartPolicy(RestartCondition.OnFailure)", "condition: on-failure")]
    [InlineData("on-failure:3", ".RestartPolicy(RestartCondition.OnFailure, maxAttempts: 3)", "condition: on-failure\n        max_attempts: 3")]
    public void Restart_ImportsAsTheRestartPolicyDockerDeploysForIt(string restart, string call, string policy)
    {
        var file = _folder.Write("in/docker-stack.yml", $"services:\n  api:\n    image: nginx:1.27\n    restart: \"{restart}\"\n");
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        var (code, rebuilt) = ImportAndRebuild(file);

        Assert.Contains(call, code, StringComparison.Ordinal);
        Assert.Contains("    deploy:\n      restart_policy:\n        " + policy + "\n", rebuilt, StringComparison.Ordinal);
        Assert.DoesNotContain("restart:", rebuilt, StringComparison.Ordinal);
        Assert.DoesNotContain("max_attempts", policy.Contains("max_attempts", StringComparison.Ordinal) ? string.Empty : rebuilt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"no\"")]
    [InlineData("no")]
    public void RestartNo_IsSwarmsDefault_NoCallAndListedAsDropped(string restart)
    {
        var file = _folder.Write("in/docker-stack.yml", $"services:\n  api:\n    image: nginx:1.27\n    restart: {restart}\n");

        var result = Import(file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"dropped {file}(4): services.api.restart: restart 'no' gives no restart policy, so Swarm's default", result.Output, StringComparison.Ordinal);
        var code = File.ReadAllText(Directory.GetFiles(Path.Combine(_folder.Path, "out", "Imported"), "*.cs").Single());
        Assert.DoesNotContain(".RestartPolicy(", code, StringComparison.Ordinal);
    }

    [Fact]
    public void RestartBesideRestartPolicy_IsIgnoredByDocker_PolicyImportsAndRestartIsListedAsDropped()
    {
        var file = _folder.Write("in/docker-stack.yml", """
            services:
              api:
                image: nginx:1.27
                restart: always
                deploy:
                  restart_policy:
                    condition: on-failure
                    max_attempts: 2
            """);

        var result = Import(file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"dropped {file}(4): services.api.restart: Docker ignores restart beside deploy.restart_policy", result.Output, StringComparison.Ordinal);
        var code = File.ReadAllText(Directory.GetFiles(Path.Combine(_folder.Path, "out", "Imported"), "*.cs").Single());
        Assert.Contains(".RestartPolicy(RestartCondition.OnFailure, maxAttempts: 2)", code, StringComparison.Ordinal);
        Assert.DoesNotContain("RestartCondition.Any", code, StringComparison.Ordinal);
    }

    // Measured: docker stack deploy refuses the first three ("unknown restart policy", "maximum retry count must be
    // an integer") though docker stack config passes them.
    [Theory]
    [InlineData("bogus", "unknown restart policy: bogus")]
    [InlineData("Always", "unknown restart policy: Always")]
    [InlineData("on-failure:x", "maximum retry count must be an integer")]
    [InlineData("always:2", "drops the count of always")]
    [InlineData("on-failure:-1", "18446744073709551615")]
    [InlineData("${RESTART}", "not one read from a variable")]
    public void RestartDockerRefusesOrDeploysDifferently_IsRefusedAtItsLine(string restart, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", $"services:\n  api:\n    image: nginx:1.27\n    restart: \"{restart}\"\n");
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, 4, "services.api.restart", problem);
    }

    // Docker merges the overlay's restart into a service that has no restart setting in the base: the profile's call.
    [Fact]
    public void RestartInAnOverlayAlone_ImportsAsTheProfilesRestartPolicy()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n");
        var overlay = _folder.Write("in/docker-stack.prod.yml", "services:\n  api:\n    restart: on-failure:3\n");
        Assert.Contains("restart: on-failure:3", DockerConfig.Of(baseFile, overlay), StringComparison.Ordinal);

        var result = Tool.Run("import", baseFile, overlay, "--name", "imported", "--output", Path.Combine(_folder.Path, "out", "Imported"));

        Assert.Equal(0, result.ExitCode);
        var code = File.ReadAllText(Directory.GetFiles(Path.Combine(_folder.Path, "out", "Imported"), "*.cs").Single());
        var profile = code.IndexOf("Profile(\"prod\"", StringComparison.Ordinal);
        Assert.True(profile >= 0, code);
        Assert.True(code.IndexOf(".RestartPolicy(RestartCondition.OnFailure, maxAttempts: 3)", StringComparison.Ordinal) > profile, code);
    }

    [Theory]
    [InlineData("    restart: always\n", "    deploy:\n      restart_policy:\n        delay: 7s\n", "docker-stack.yml", "deploy.restart_policy")]
    [InlineData("    deploy:\n      restart_policy:\n        delay: 7s\n", "    restart: always\n", "docker-stack.prod.yml", "deploy.restart_policy")]
    [InlineData("    restart: on-failure:3\n", "    restart: always\n", "docker-stack.yml", "restart")]
    public void RestartMeetingARestartSettingInTheOtherFile_IsRefusedAtItsLine(string inBase, string inOverlay, string refusedIn, string other)
    {
        var baseFile = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n" + inBase);
        var overlay = _folder.Write("in/docker-stack.prod.yml", "services:\n  api:\n" + inOverlay);

        var result = Tool.Run("import", baseFile, overlay, "--name", "imported", "--output", Path.Combine(_folder.Path, "out", "Imported"));

        Assert.Equal(Program.Refused, result.ExitCode);
        var refused = refusedIn == "docker-stack.yml" ? baseFile : overlay;
        Assert.True(result.Error.StartsWith($"{refused}(", StringComparison.Ordinal) && result.Error.Contains("): error: services.api.restart: ", StringComparison.Ordinal), result.Error);
        Assert.Contains($"also sets this service's {other}", result.Error, StringComparison.Ordinal);
    }

    private Tool.Result Import(string file) =>
        Tool.Run("import", file, "--name", "imported", "--output", Path.Combine(_folder.Path, "out", "Imported"));

    // The C# the import writes, and docker stack config of the stack file its build writes.
    private static (string Code, string Rebuilt) ImportAndRebuild(string file)
    {
        using var folder = new TempFolder();
        var result = Importer.Import(file, Array.Empty<string>(), Array.Empty<string>(), "imported", Path.Combine(folder.Path, "Imported"));
        var code = File.ReadAllText(result.Written.Single(f => f.EndsWith(".cs", StringComparison.Ordinal)));
        var model = InProcessStack.Build(code);
        foreach (var artefact in StackArtefacts.Create(model))
        {
            folder.Write(Path.Combine("Imported", "deploy", artefact.Path), artefact.Content);
        }

        return (code, DockerConfig.OfRebuilt(file, Path.Combine(folder.Path, "Imported", "deploy", model.BaseFile)));
    }
}
