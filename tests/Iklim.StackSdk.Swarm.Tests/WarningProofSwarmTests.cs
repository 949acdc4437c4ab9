using System.Text.Json;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// Evidence for the rules' docs pages: what IKS0105 and IKS0104 warn about really happens on Swarm.
/// The stacks are written with the DSL and deployed from their generated file.
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class WarningProofSwarmTests
{
    private const string ProofImage = "iklim/proof:1";
    private readonly SwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public WarningProofSwarmTests(SwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    /// <summary>
    /// IKS0105: update_config order start-first with replicas == nodes × max_replicas_per_node (1 × 1). The new task
    /// needs a slot the old one still holds, so it stays pending and the update never finishes; stop-first frees the
    /// slot first and finishes.
    /// </summary>
    [SkippableFact]
    public void Iks0105_start_first_update_without_a_free_slot_never_finishes_and_stop_first_does()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        const string stack = "iks0105";
        var builder = new StackBuilder(stack, "docker-stack.yml");
        builder.Service("start-first").Image(ProofImage).Replicas(1).MaxReplicasPerNode(1).StopGracePeriod("1s")
            .UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst);
        builder.Service("stop-first").Image(ProofImage).Replicas(1).MaxReplicasPerNode(1).StopGracePeriod("1s")
            .UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst);
        var model = Build(builder);

        Run(model, stack, () =>
        {
            SwarmAssertions.AssertSchedules(_swarm.Docker, stack, OneNodePlacement.Expect(model.Base, _swarm.Node), _output, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));

            _output.WriteLine($"$ docker service update --detach --env-add X=1 {stack}_start-first (and {stack}_stop-first)");
            _swarm.Docker.Check("service", "update", "--detach", "--env-add", "X=1", stack + "_start-first");
            _swarm.Docker.Check("service", "update", "--detach", "--env-add", "X=1", stack + "_stop-first");
            var started = DateTime.UtcNow;

            var stopFirstDone = Poll.Try(() => UpdateState(stack + "_stop-first") == "completed", TimeSpan.FromSeconds(60));
            _output.WriteLine($"stop-first: UpdateStatus {UpdateStatus(stack + "_stop-first")} after {(DateTime.UtcNow - started).TotalSeconds:0}s");

            // Bounded wait: 45 s from the update; start-first must still be updating all along.
            var startFirstStates = new List<string>();
            Poll.Try(
                () =>
                {
                    startFirstStates.Add(UpdateState(stack + "_start-first"));
                    return DateTime.UtcNow - started >= TimeSpan.FromSeconds(45);
                },
                TimeSpan.FromSeconds(60),
                TimeSpan.FromSeconds(3));
            _output.WriteLine($"start-first: UpdateStatus {UpdateStatus(stack + "_start-first")} after {(DateTime.UtcNow - started).TotalSeconds:0}s; states seen: {string.Join(",", startFirstStates.Distinct())}");

            // Mid-update: start-first keeps its old task running and its new one pending; stop-first has replaced its task.
            var midUpdate = new Dictionary<string, TaskExpectation>
            {
                ["start-first"] = new(1, 1, OneNodePlacement.MaxReplicasError),
                ["stop-first"] = new(1, 0, null),
            };
            var tasks = _swarm.Docker.StackTasks(stack);
            SwarmAssertions.Print(_swarm.Docker, stack, midUpdate, tasks, _output, "at the end of the bounded wait");

            Assert.True(stopFirstDone, "the stop-first update did not complete within 60s");
            Assert.All(startFirstStates, s => Assert.Equal("updating", s));
            var startFirst = tasks.Where(t => t.Service == "start-first").ToList();
            Assert.Single(startFirst, t => t.IsRunning);
            var pending = Assert.Single(startFirst, t => t.IsPending);
            Assert.Contains(OneNodePlacement.MaxReplicasError, pending.Error, StringComparison.Ordinal);
            var stopFirst = tasks.Where(t => t.Service == "stop-first").ToList();
            Assert.Single(stopFirst, t => t.IsRunning);
            Assert.DoesNotContain(stopFirst, t => t.IsPending);
        });
    }

    /// <summary>IKS0104: a constraint no node satisfies (node.labels.type == db on a type=service node) leaves the task pending for good.</summary>
    [SkippableFact]
    public void Iks0104_service_whose_constraint_matches_no_node_stays_pending()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        const string stack = "iks0104";
        var builder = new StackBuilder(stack, "docker-stack.yml");
        builder.Service("db-only").Image(ProofImage).Replicas(1).Constraint("node.labels.type == db");
        var model = Build(builder);
        var expected = OneNodePlacement.Expect(model.Base, _swarm.Node);
        Assert.Equal(new TaskExpectation(0, 1, OneNodePlacement.ConstraintsError), expected["db-only"]);

        Run(model, stack, () => SwarmAssertions.AssertSchedules(_swarm.Docker, stack, expected, _output, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15)));
    }

    private static StackModel Build(StackBuilder builder)
    {
        var result = builder.Build();
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        return result.Model;
    }

    private void Run(StackModel model, string stack, Action assertions)
    {
        _swarm.Prepare(model);
        try
        {
            var deployed = _swarm.Deploy(model, model.BaseFile, _output);
            Assert.True(deployed.Ok, "docker stack deploy was refused: " + deployed);
            assertions();
        }
        finally
        {
            _swarm.RemoveStack(stack);
        }
    }

    private string UpdateStatus(string service) => _swarm.Docker.Check("service", "inspect", service, "--format", "{{json .UpdateStatus}}").Trim();

    private string UpdateState(string service)
    {
        var json = UpdateStatus(service);
        if (json is "null" or "")
        {
            return "none";
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("State", out var state) ? state.GetString() ?? "none" : "none";
    }
}
