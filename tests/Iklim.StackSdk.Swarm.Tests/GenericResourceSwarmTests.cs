using System.Text.Json;
using Iklim.StackSdk.Building;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// <c>GenericResource(kind, value)</c> through <c>docker stack deploy</c> on a real Swarm: the reservation reaches the
/// service spec as <c>Resources.Reservations.GenericResources</c>, and since the fixture's node advertises no such
/// resource (dockerd started without <c>--node-generic-resource</c>), the task stays pending with the scheduler's
/// "insufficient resources" error.
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class GenericResourceSwarmTests
{
    private const string Stack = "generic";

    // Measured on the one-node Swarm (engine 20.10.24): `docker service ps --no-trunc` shows the task Pending with this error.
    private const string InsufficientResources = "no suitable node (insufficient resources on 1 node)";

    private readonly SwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public GenericResourceSwarmTests(SwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    [SkippableFact]
    public void GenericResourceReservation_ReachesTheSpec_AndNoNodeAdvertisingIt_LeavesTheTaskPending()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        var builder = new StackBuilder(Stack, "docker-stack.yml");
        builder.Service("gpu").Image("iklim/gpu:1").Replicas(1).StopGracePeriod("1s")
            .Command("sh", "-c", Placeholder.Sleeper)
            .GenericResource("gpu", 2);
        var result = builder.Build();
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        var model = result.Model;

        _swarm.Prepare(model);
        try
        {
            var deployed = _swarm.Deploy(model, model.BaseFile, _output);
            Assert.True(deployed.Ok, "docker stack deploy was refused: " + deployed);

            var resourcesJson = _swarm.Docker.Check("service", "inspect", Stack + "_gpu", "--format", "{{json .Spec.TaskTemplate.Resources}}");
            _output.WriteLine("service resources: " + resourcesJson);
            using var resources = JsonDocument.Parse(resourcesJson);
            var generic = Assert.Single(resources.RootElement.GetProperty("Reservations").GetProperty("GenericResources").EnumerateArray());
            var discrete = generic.GetProperty("DiscreteResourceSpec");
            Assert.Equal("gpu", discrete.GetProperty("Kind").GetString());
            Assert.Equal(2, discrete.GetProperty("Value").GetInt64());

            var node = _swarm.Docker.Check("node", "inspect", "self", "--format", "{{json .Description.Resources.GenericResources}}").Trim();
            _output.WriteLine("node generic resources: " + node);
            Assert.DoesNotContain("gpu", node, StringComparison.Ordinal);

            SwarmAssertions.AssertSchedules(
                _swarm.Docker,
                Stack,
                new Dictionary<string, TaskExpectation> { ["gpu"] = new(0, 1, InsufficientResources) },
                _output,
                TimeSpan.FromSeconds(60),
                TimeSpan.FromSeconds(5));
        }
        finally
        {
            _swarm.RemoveStack(Stack);
        }
    }
}
