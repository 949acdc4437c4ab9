using System.Text.Json;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// The sample's generated files deployed to the real single-node Swarm exactly as the README and the files'
/// own headers say: the base alone, then (after <c>docker stack rm</c> and waiting until it is gone) base + prod overlay.
/// Every service's running/pending task counts must equal the one-node prediction of <see cref="OneNodePlacement"/>.
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class SampleStackSwarmTests
{
    private const string Stack = "iklimco";
    private readonly SwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public SampleStackSwarmTests(SwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    [SkippableFact]
    public void Base_deploys_and_every_service_runs_one_task()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        var model = SwarmFixture.Sample;
        DeployAndAssert(model.BaseFile, SwarmFixture.DeployedScopes(model).Single(s => s.Name == "base").Scope);
    }

    [SkippableFact]
    public void Base_plus_prod_overlay_schedules_as_predicted_and_expands_the_hostname_template()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        var model = SwarmFixture.Sample;
        DeployAndAssert(model.OverlayFile("prod"), SwarmFixture.DeployedScopes(model).Single(s => s.Name == "prod").Scope, () =>
        {
            // rabbitmq's hostname is rabbitmq-{{.Node.Hostname}}: Swarm must expand it in the running task's container.
            var container = _swarm.Docker.Check("ps", "-q", "--filter", $"label=com.docker.swarm.service.name={Stack}_rabbitmq", "--filter", "status=running").Trim();
            Assert.False(string.IsNullOrEmpty(container), "no running container of iklimco_rabbitmq");
            Assert.DoesNotContain('\n', container);
            var hostname = _swarm.Docker.Check("inspect", "--format", "{{.Config.Hostname}}", container).Trim();
            var env = JsonSerializer.Deserialize<string[]>(_swarm.Docker.Check("inspect", "--format", "{{json .Config.Env}}", container))!;
            _output.WriteLine($"iklimco_rabbitmq container {container}: Config.Hostname = {hostname}; {env.Single(e => e.StartsWith("RABBITMQ_NODENAME=", StringComparison.Ordinal))}");
            Assert.Equal("rabbitmq-" + _swarm.Node.Hostname, hostname);
            Assert.Contains("RABBITMQ_NODENAME=rabbit@rabbitmq-" + _swarm.Node.Hostname, env);
        });
    }

    private void DeployAndAssert(string artefact, Iklim.StackSdk.Model.StackScope deployed, Action? more = null)
    {
        if (_swarm.Docker.StackServices(Stack).Count > 0)
        {
            _swarm.RemoveStack(Stack);
        }

        try
        {
            var expected = OneNodePlacement.Expect(deployed, _swarm.Node);
            var result = _swarm.Deploy(SwarmFixture.Sample, artefact, _output);
            Assert.True(result.Ok, "docker stack deploy was refused: " + result);
            Assert.Equal(expected.Keys.Select(k => Stack + "_" + k).OrderBy(k => k, StringComparer.Ordinal), _swarm.Docker.StackServices(Stack).OrderBy(k => k, StringComparer.Ordinal));
            SwarmAssertions.AssertSchedules(_swarm.Docker, Stack, expected, _output, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(5));
            more?.Invoke();
        }
        finally
        {
            var started = DateTime.UtcNow;
            _swarm.RemoveStack(Stack);
            _output.WriteLine($"docker stack rm {Stack}: services, containers and networks gone after {(DateTime.UtcNow - started).TotalSeconds:0}s");
        }
    }
}
