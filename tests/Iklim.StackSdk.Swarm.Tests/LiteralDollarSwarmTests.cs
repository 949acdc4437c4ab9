using System.Text.Json;
using Iklim.StackSdk.Building;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// A literal '$' reaches the container exactly as the C# string says it, through <c>docker stack deploy</c> on a real
/// Swarm: in the environment, the container labels, the service labels and the command; and an <c>Env</c> reference
/// around literal dollars is the only thing Docker interpolates.
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class LiteralDollarSwarmTests
{
    private const string Stack = "dollars";
    private static readonly string[] Hostile = { "$apr1$x", "$$", "${X}", "$", "a$", "$HOME", "${HOME:-x}", "user:$apr1$8f$Zb/" };
    private readonly SwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public LiteralDollarSwarmTests(SwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    [SkippableFact]
    public void Hostile_dollar_values_reach_the_task_unchanged_and_only_Env_references_are_interpolated()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        var builder = new StackBuilder(Stack, "docker-stack.yml");
        var service = builder.Service("dollar").Image("iklim/dollar:1").Replicas(1).StopGracePeriod("1s")
            .Command(new[] { "sh", "-c", Placeholder.Sleeper, "sh" }.Concat(Hostile).ToArray());
        for (var i = 0; i < Hostile.Length; i++)
        {
            service.Environment("HOSTILE_" + i, Hostile[i]).Label("hostile." + i, Hostile[i]).ServiceLabel("hostile." + i, Hostile[i]);
        }

        // Placeholder.Deploy sets a variable without fallback to swarm-test-<name> and leaves one with a fallback unset.
        service.Environment("FROM_SHELL", "$a$" + Env.Var("DOLLAR_VALUE") + "$$")
            .Environment("FALLBACK", "$" + Env.Var("DOLLAR_UNSET", "fall$back") + "$")
            .Environment("REQUIRED", Env.Required("DOLLAR_REQUIRED", "set DOLLAR_REQUIRED"));
        var result = builder.Build();
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        var model = result.Model;

        _swarm.Prepare(model);
        try
        {
            var deployed = _swarm.Deploy(model, model.BaseFile, _output);
            Assert.True(deployed.Ok, "docker stack deploy was refused: " + deployed);

            using var spec = JsonDocument.Parse(_swarm.Docker.Check("service", "inspect", Stack + "_dollar", "--format", "{{json .Spec}}"));
            var container = spec.RootElement.GetProperty("TaskTemplate").GetProperty("ContainerSpec");
            var environment = container.GetProperty("Env").EnumerateArray().Select(e => e.GetString()!).ToDictionary(e => e[..e.IndexOf('=')], e => e[(e.IndexOf('=') + 1)..]);
            var labels = container.GetProperty("Labels");
            var serviceLabels = spec.RootElement.GetProperty("Labels");
            var args = container.GetProperty("Args").EnumerateArray().Select(a => a.GetString()).ToList();
            _output.WriteLine("service spec env: " + string.Join(" | ", environment.Select(e => e.Key + "=" + e.Value)));
            for (var i = 0; i < Hostile.Length; i++)
            {
                Assert.Equal(Hostile[i], environment["HOSTILE_" + i]);
                Assert.Equal(Hostile[i], labels.GetProperty("hostile." + i).GetString());
                Assert.Equal(Hostile[i], serviceLabels.GetProperty("hostile." + i).GetString());
            }

            Assert.Equal(Hostile, args.Skip(args.Count - Hostile.Length));
            Assert.Equal("$a$swarm-test-dollar_value$$", environment["FROM_SHELL"]);
            Assert.Equal("$fall$back$", environment["FALLBACK"]);
            Assert.Equal("swarm-test-dollar_required", environment["REQUIRED"]);

            // The running task's own environment, as the process sees it.
            string? containerId = null;
            Assert.True(
                Poll.Try(() => (containerId = _swarm.Docker.Check("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + Stack + "_dollar").Trim()).Length > 0, TimeSpan.FromSeconds(60)),
                "the task's container did not start within 60 s");
            var taskEnvironment = _swarm.Docker.Check("exec", containerId!.Split('\n')[0], "cat", "/proc/1/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            _output.WriteLine("task environ: " + string.Join(" | ", taskEnvironment));
            for (var i = 0; i < Hostile.Length; i++)
            {
                Assert.Contains("HOSTILE_" + i + "=" + Hostile[i], taskEnvironment);
            }
        }
        finally
        {
            _swarm.RemoveStack(Stack);
        }
    }
}
