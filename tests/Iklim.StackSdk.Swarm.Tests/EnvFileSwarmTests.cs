using System.Text.Json;
using Iklim.StackSdk.Building;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// An env file's variables reach the task through <c>docker stack deploy</c> on a real Swarm: the client reads the
/// file when it loads the stack and puts its variables, uninterpolated, into the service spec's <c>Env</c>, below the
/// service's own <c>environment</c> and a later file.
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class EnvFileSwarmTests
{
    private const string Stack = "envfiles";
    private readonly SwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public EnvFileSwarmTests(SwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    [SkippableFact]
    public void TheFilesVariables_ReachTheServiceSpecAndTheTask()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        // The deploy runs in a fresh folder of its own, so the files are named by absolute paths here; the re-based
        // relative paths are checked against docker stack config in EnvFileTests.
        var folder = Directory.CreateTempSubdirectory("iklim-swarm-envfile-").FullName;
        try
        {
            var first = Path.Combine(folder, "first.env");
            var second = Path.Combine(folder, "second.env");
            File.WriteAllText(first, "FROM_FILE=first\nHOSTILE=$apr1$x ${X} $$ a$\nSHARED=from-first\nLATER=first\n");
            File.WriteAllText(second, "LATER=second\n");
            var builder = new StackBuilder(Stack, "docker-stack.yml");
            builder.Service("app").Image("iklim/envfile:1").Replicas(1).StopGracePeriod("1s")
                .Command("sh", "-c", Placeholder.Sleeper)
                .Environment("SHARED", "from-environment")
                .EnvFile(first)
                .EnvFile(second);
            var result = builder.Build();
            Assert.False(result.HasErrors, string.Join("\n", result.Findings));
            var model = result.Model;

            _swarm.Prepare(model);
            try
            {
                var deployed = _swarm.Deploy(model, model.BaseFile, _output);
                Assert.True(deployed.Ok, "docker stack deploy was refused: " + deployed);

                var envJson = _swarm.Docker.Check("service", "inspect", Stack + "_app", "--format", "{{json .Spec.TaskTemplate.ContainerSpec.Env}}");
                _output.WriteLine("service Env: " + envJson);
                using var env = JsonDocument.Parse(envJson);
                var variables = env.RootElement.EnumerateArray().Select(e => e.GetString()!).ToList();
                Assert.Contains("FROM_FILE=first", variables);
                Assert.Contains("HOSTILE=$apr1$x ${X} $$ a$", variables);
                Assert.Contains("SHARED=from-environment", variables);
                Assert.Contains("LATER=second", variables);

                // The running task, as the engine made it.
                string? containerId = null;
                Assert.True(
                    Poll.Try(() => (containerId = _swarm.Docker.Check("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + Stack + "_app").Trim()).Length > 0, TimeSpan.FromSeconds(60)),
                    "the task's container did not start within 60 s: " + _swarm.Docker.Run("service", "ps", Stack + "_app", "--no-trunc"));
                var printed = _swarm.Docker.Check("exec", containerId!.Split('\n')[0], "sh", "-c", "printf '%s|' \"$HOSTILE\"").TrimEnd('\n');
                _output.WriteLine("task HOSTILE: " + printed);
                Assert.Equal("$apr1$x ${X} $$ a$|", printed);
            }
            finally
            {
                _swarm.RemoveStack(Stack);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
