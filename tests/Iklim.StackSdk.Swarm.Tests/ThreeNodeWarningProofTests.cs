using System.Text.Json;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// What IKS0104, IKS0105 and IKS0103 warn about, reproduced on the three-node Swarm with the prod inventory declared in
/// each stack: the SDK warns, and Swarm does what the warning says. Test stacks use a 1 s grace period (the placeholder also exits on SIGTERM at once).
/// </summary>
[Collection(ThreeNodeSwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class ThreeNodeWarningProofTests
{
    private const string ProofImage = "iklim/proof:1.0.0";
    private readonly ThreeNodeSwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public ThreeNodeWarningProofTests(ThreeNodeSwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    /// <summary>IKS0104: 4 replicas at most 1 per node on 3 nodes leave one pending; a label no node has leaves all pending.</summary>
    [SkippableFact]
    public void Iks0104_more_replicas_than_slots_and_a_constraint_no_node_meets_stay_pending()
    {
        _swarm.Require();
        const string stack = "iks0104x3";
        var model = Build(stack, s =>
        {
            Proof(s.Service("four")).Replicas(4).MaxReplicasPerNode(1);
            Proof(s.Service("db-only")).Replicas(1).Constraint("node.labels.type == db");
        }, "IKS0104", "IKS0104");

        Run(model, model.BaseFile, stack, expected =>
        {
            Assert.Equal((3, 1), (expected["four"].RunningMin, expected["four"].Pending));
            Assert.Equal((0, 1), (expected["db-only"].RunningMin, expected["db-only"].Pending));
            var tasks = _swarm.Manager.StackTasks(stack);
            foreach (var pending in tasks.Where(t => t.IsPending))
            {
                _output.WriteLine($"{pending.Name}: {pending.Error}");
                Assert.Contains("no suitable node", pending.Error, StringComparison.Ordinal);
            }
        });
    }

    /// <summary>IKS0105: start-first with 3 replicas, max 1 per node, 3 nodes: every slot is taken, so the update never finishes; stop-first does.</summary>
    [SkippableFact]
    public void Iks0105_start_first_update_of_three_on_three_nodes_never_finishes_and_stop_first_does()
    {
        _swarm.Require();
        const string stack = "iks0105x3";
        var model = Build(stack, s =>
        {
            Proof(s.Service("start-first")).Replicas(3).MaxReplicasPerNode(1).UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst);
            Proof(s.Service("stop-first")).Replicas(3).MaxReplicasPerNode(1).UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst);
        }, "IKS0105");

        Run(model, model.BaseFile, stack, _ =>
        {
            _output.WriteLine($"$ docker service update --detach --env-add X=1 {stack}_start-first (and {stack}_stop-first)");
            _swarm.Manager.Check("service", "update", "--detach", "--env-add", "X=1", stack + "_start-first");
            _swarm.Manager.Check("service", "update", "--detach", "--env-add", "X=1", stack + "_stop-first");
            var started = DateTime.UtcNow;
            var stopFirstDone = Poll.Try(() => UpdateState(stack + "_stop-first") == "completed", TimeSpan.FromSeconds(60));
            _output.WriteLine($"stop-first: {UpdateState(stack + "_stop-first")} after {(DateTime.UtcNow - started).TotalSeconds:0}s");

            var states = new List<string>();
            Poll.Try(() => { states.Add(UpdateState(stack + "_start-first")); return DateTime.UtcNow - started >= TimeSpan.FromSeconds(20); }, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
            var tasks = _swarm.Manager.StackTasks(stack).Where(t => t.Service == "start-first").ToList();
            _output.WriteLine($"start-first after {(DateTime.UtcNow - started).TotalSeconds:0}s: states seen {string.Join(",", states.Distinct())}; tasks: {string.Join("; ", tasks.Where(t => t.IsRunning || t.IsPending).Select(t => $"{t.Name} {t.CurrentState} {t.Node} {t.Error}"))}");

            Assert.True(stopFirstDone, "the stop-first update did not complete within 60s");
            Assert.All(states, s => Assert.Equal("updating", s));
            Assert.Equal(3, tasks.Count(t => t.IsRunning));
            var pending = Assert.Single(tasks, t => t.IsPending);
            Assert.Contains("no suitable node", pending.Error, StringComparison.Ordinal);
        });
    }

    /// <summary>IKS0103: a pinned service with 2 replicas runs twice on its node; a singleton with 2 replicas runs twice; a pin in a profile beside the base's pin leaves no node.</summary>
    [SkippableFact]
    public void Iks0103_pinned_singletons_run_twice_and_a_second_pin_leaves_no_node()
    {
        _swarm.Require();
        const string stack = "iks0103x3";
        var model = Build(stack, s =>
        {
            Proof(s.Service("pinned-twice")).Replicas(2).PinToNode("iklim-app-02");
            Proof(s.Service("singleton-twice")).Replicas(2).Singleton();
            Proof(s.Service("moved")).Replicas(1).PinToNode("iklim-app-01").Singleton();
            s.Profile("prod", p => p.Service("moved").PinToNode("iklim-app-03"));
        }, "IKS0103", "IKS0103", "IKS0103");

        Run(model, model.OverlayFile("prod"), stack, expected =>
        {
            var observed = ThreeNodePlacement.Observe(_swarm.Manager.StackTasks(stack), expected.Keys);
            Assert.Equal(2, observed["pinned-twice"].PerNode.GetValueOrDefault("iklim-app-02"));
            Assert.Equal(2, observed["singleton-twice"].Running);
            Assert.Equal((0, 1), (observed["moved"].Running, observed["moved"].Pending));
        });
    }

    private static IServiceBuilder Proof(IServiceBuilder service) => service.Image(ProofImage).StopGracePeriod("1s");

    /// <summary>Builds the stack with the prod inventory and asserts the SDK's warnings are exactly <paramref name="ids"/>.</summary>
    private StackModel Build(string name, Action<StackBuilder> configure, params string[] ids)
    {
        var builder = new StackBuilder(name, "docker-stack.yml");
        foreach (var node in ThreeNodeSwarmFixture.Prod.Nodes)
        {
            var declared = builder.Node(node.Hostname).Role(node.Role);
            foreach (var (key, value) in node.Labels)
            {
                declared.Label(key, value);
            }
        }

        configure(builder);
        var result = builder.Build();
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        var warnings = result.Findings.Where(f => f.Id != "IKS0107").ToList();
        foreach (var warning in warnings)
        {
            _output.WriteLine($"SDK: {warning.Id} {warning.Message}");
        }

        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), warnings.Select(f => f.Id).OrderBy(i => i, StringComparer.Ordinal));
        return result.Model;
    }

    private void Run(StackModel model, string artefact, string stack, Action<IReadOnlyDictionary<string, ServiceExpectation>> more)
    {
        _swarm.Prepare(model);
        try
        {
            var deployed = _swarm.Deploy(model, artefact, _output);
            Assert.True(deployed.Ok, "docker stack deploy was refused: " + deployed);
            var scope = SwarmFixture.DeployedScopes(model).Single(s => s.Name == (artefact == model.BaseFile ? "base" : "prod")).Scope;
            var expected = ThreeNodePlacement.Expect(scope, ThreeNodeSwarmFixture.Prod.Nodes);
            ThreeNodePlacement.AssertSettles(() => ThreeNodePlacement.Observe(_swarm.Manager.StackTasks(stack), expected.Keys), expected, _output, "after the deploy", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3));
            more(expected);
        }
        finally
        {
            _swarm.RemoveStack(stack);
        }
    }

    private string UpdateState(string service)
    {
        var json = _swarm.Manager.Check("service", "inspect", service, "--format", "{{json .UpdateStatus}}").Trim();
        if (json is "null" or "")
        {
            return "none";
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("State", out var state) ? state.GetString() ?? "none" : "none";
    }
}
