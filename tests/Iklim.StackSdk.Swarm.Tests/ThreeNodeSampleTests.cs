using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// The sample on the real three-node Swarm: base, then base + prod exactly as the README deploys them, every service's
/// tasks per node against the SDK's prediction, RabbitMQ's per-node names as APISIX's chash upstream dials them, and
/// the loss of each node (daemon stopped; once, drained) against the failure model's row in STACK.md.
/// </summary>
[Collection(ThreeNodeSwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class ThreeNodeSampleTests
{
    private static int _printed;
    private readonly ThreeNodeSwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public ThreeNodeSampleTests(ThreeNodeSwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    private static string Stack => ThreeNodeSwarmFixture.Sample.Name;

    private static ValueList<NodeSpec> Inventory => ThreeNodeSwarmFixture.Prod.Nodes;

    [SkippableFact]
    public void Base_then_prod_place_every_task_per_node_as_predicted_and_each_rabbitmq_node_name_answers_from_its_node()
    {
        Start();
        var model = ThreeNodeSwarmFixture.Sample;
        if (_swarm.ProdDeployed)
        {
            _swarm.RemoveStack(Stack);
        }

        // The base on the three real nodes: the prediction is the base's services on the inventory the Swarm has.
        var baseScope = SwarmFixture.DeployedScopes(model).Single(s => s.Name == "base").Scope;
        DeployAndAssert(model.BaseFile, ThreeNodePlacement.Expect(baseScope, Inventory), "base");
        var removed = Stopwatch.StartNew();
        _swarm.RemoveStack(Stack);
        _output.WriteLine($"docker stack rm {Stack}: gone from every node after {Seconds(removed.Elapsed)}");

        DeployProd();
        ExpectedProdPlacementIsTheIssuesOwn();

        // hostname: rabbitmq-{{.Node.Hostname}} expands per task; the alias of the same template names each task.
        var ips = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in _swarm.Nodes)
        {
            var container = RunningContainer(node, "rabbitmq");
            var hostname = node.Docker.Check("inspect", "--format", "{{.Config.Hostname}}", container).Trim();
            var env = JsonSerializer.Deserialize<string[]>(node.Docker.Check("inspect", "--format", "{{json .Config.Env}}", container))!;
            var ip = node.Docker.Check("inspect", "--format", "{{(index .NetworkSettings.Networks \"iklimco-net\").IPAddress}}", container).Trim();
            _output.WriteLine($"{node.Hostname}: iklimco_rabbitmq container {container[..12]}: hostname {hostname}, iklimco-net {ip}");
            Assert.Equal("rabbitmq-" + node.Hostname, hostname);
            Assert.Contains("RABBITMQ_NODENAME=rabbit@rabbitmq-" + node.Hostname, env);
            ips["rabbitmq-" + node.Hostname] = ip;
        }

        // The names init.sh gives the chash upstream, resolved and pinged from an APISIX task on each other node.
        var upstream = ThreeNodeSwarmFixture.Prod.Gateway("apisix")!.Upstreams.Single(u => u.Balancer == UpstreamBalancer.Chash);
        var names = upstream.Nodes.Select(n => n.Host).ToList();
        Assert.Equal(ips.Keys.OrderBy(k => k, StringComparer.Ordinal), names.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var node in _swarm.Nodes)
        {
            var apisix = RunningContainer(node, "apisix");
            foreach (var name in names.Where(n => n != "rabbitmq-" + node.Hostname))
            {
                var lookup = node.Docker.Run("exec", apisix, "nslookup", name);
                var addresses = Regex.Matches(lookup.StdOut[Math.Max(0, lookup.StdOut.IndexOf("Name:", StringComparison.Ordinal))..], @"Address: *(?<ip>[0-9.]+)")
                    .Select(m => m.Groups["ip"].Value).ToList();
                var ping = node.Docker.Run("exec", apisix, "ping", "-c", "1", "-W", "2", name);
                _output.WriteLine($"from apisix on {node.Hostname}: {name} -> {string.Join(",", addresses)}; ping {(ping.Ok ? "answered" : "FAILED")}");
                Assert.True(lookup.Ok, lookup.ToString());
                Assert.Equal(new[] { ips[name] }, addresses);
                Assert.True(ping.Ok, ping.ToString());
            }
        }
    }

    [SkippableFact]
    public void Each_single_node_loss_leaves_what_the_failure_model_predicts_and_the_full_placement_returns()
    {
        Start();
        if (!_swarm.ProdDeployed)
        {
            DeployProd();
        }

        var prod = ThreeNodeSwarmFixture.Prod;
        var full = ThreeNodePlacement.Expect(prod, Inventory);
        var timings = new List<string>();
        foreach (var node in _swarm.Nodes)
        {
            var failure = NodeFailures.Predict(prod, node.Hostname);
            var expected = ThreeNodePlacement.Expect(prod, failure);
            var before = ThreeNodePlacement.Observe(_swarm.Manager.StackTasks(Stack), full.Keys);
            _output.WriteLine($"== {node.Hostname}: stopping its dockerd (pid {node.Pid}); the model says: {(failure.Reschedules ? "Swarm reschedules" : "no manager left, nothing is rescheduled")}");

            var clock = Stopwatch.StartNew();
            string timing;
            try
            {
                timing = StopAndCompare(node, failure, expected, before, full.Keys, clock);
            }
            finally
            {
                // A failed comparison must not leave the node down for the tests after this one.
                clock.Restart();
                _swarm.StartDaemon(node);
            }

            Poll.Until(() => _swarm.NodeStatus() is var s && s.Count == 3 && s.Values.All(v => v == "Ready"), TimeSpan.FromSeconds(90), "every node Ready again");
            var ready = clock.Elapsed;
            var back = ThreeNodePlacement.AssertSettles(
                () => ThreeNodePlacement.Observe(_swarm.Manager.StackTasks(Stack), full.Keys), full, _output, $"after {node.Hostname} returned", TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(3));
            timings.Add($"{timing}; back: all nodes Ready after {Seconds(ready)}, full placement after {Seconds(ready + back)}");
        }

        // Once, the planned way: drain a worker.
        var drained = _swarm.Nodes.Last(n => n.Spec.Role != NodeRole.Manager);
        var drainRow = ThreeNodePlacement.Expect(prod, NodeFailures.Predict(prod, drained.Hostname));
        _output.WriteLine($"== {drained.Hostname}: docker node update --availability drain");
        TimeSpan movedAfter;
        try
        {
            _swarm.Manager.Check("node", "update", "--availability", "drain", drained.Hostname);
            movedAfter = ThreeNodePlacement.AssertSettles(
                () => ThreeNodePlacement.Observe(_swarm.Manager.StackTasks(Stack), full.Keys), drainRow, _output, $"with {drained.Hostname} drained", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3));
        }
        finally
        {
            _swarm.Manager.Check("node", "update", "--availability", "active", drained.Hostname);
        }

        var activeBack = ThreeNodePlacement.AssertSettles(
            () => ThreeNodePlacement.Observe(_swarm.Manager.StackTasks(Stack), full.Keys), full, _output, $"after {drained.Hostname} is active again", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3));
        timings.Add($"{drained.Hostname} drained: rescheduled as predicted after {Seconds(movedAfter)}; active again: full placement after {Seconds(activeBack)}");

        _output.WriteLine("Measured reschedule times:");
        foreach (var line in timings)
        {
            _output.WriteLine("  " + line);
        }
    }

    /// <summary>Stops <paramref name="node"/>'s daemon and compares what runs with the failure model's row; returns the timings.</summary>
    private string StopAndCompare(SwarmNode node, NodeFailure failure, IReadOnlyDictionary<string, ServiceExpectation> expected, Dictionary<string, ServiceObservation> before, IEnumerable<string> services, Stopwatch clock)
    {
        var survivors = _swarm.Nodes.Where(n => n != node).ToList();
        _swarm.StopDaemon(node);
        var stopped = clock.Elapsed;
        string timing;
        if (failure.Reschedules)
        {
            Poll.Until(() => _swarm.NodeStatus().GetValueOrDefault(node.Hostname) == "Down", TimeSpan.FromSeconds(60), $"the manager to mark {node.Hostname} Down");
            var noticed = clock.Elapsed;
            var settled = ThreeNodePlacement.AssertSettles(
                () => ThreeNodePlacement.Observe(_swarm.Manager.StackTasks(Stack), services), expected, _output, $"with {node.Hostname} down", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3));
            timing = $"{node.Hostname} stopped: daemon gone after {Seconds(stopped)}, marked Down after {Seconds(noticed)}, rescheduled as predicted {Seconds(noticed + settled)} after the stop";
        }
        else
        {
            // No manager answers: each surviving daemon says what it runs, and that must be what it ran before.
            var kept = before.ToDictionary(
                b => b.Key,
                b => new ServiceObservation(b.Value.PerNode.Where(n => n.Key != node.Hostname).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal), 0),
                StringComparer.Ordinal);
            foreach (var (service, expectation) in expected)
            {
                Assert.True(kept[service].Matches(expectation), $"{service}: the tasks it had on the other nodes ({kept[service]}) are not what the model predicts ({expectation})");
            }

            var exact = kept.ToDictionary(k => k.Key, k => new ServiceExpectation(k.Value.Running, k.Value.Running, 0, k.Value.PerNode.Select(n => new NodeTasks(n.Key, n.Value, n.Value)).ToList()), StringComparer.Ordinal);
            ThreeNodePlacement.AssertSettles(
                () => ThreeNodePlacement.ObserveDaemons(survivors, Stack, services), exact, _output, $"on the other nodes' own daemons with {node.Hostname} and the managers' majority down", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));
            timing = $"{node.Hostname} stopped: daemon gone after {Seconds(stopped)}; no manager, so nothing moved in 20s";
        }

        return timing;
    }

    private void Start()
    {
        _swarm.Require();
        if (Interlocked.Exchange(ref _printed, 1) == 0)
        {
            _output.WriteLine("Three-node Swarm fixture setup:");
            foreach (var line in _swarm.SetupLog)
            {
                _output.WriteLine("  " + line);
            }
        }

        _output.WriteLine("Nodes: " + string.Join(", ", _swarm.NodeStatus().Select(n => n.Key + " " + n.Value)));
    }

    private void DeployProd()
    {
        var model = ThreeNodeSwarmFixture.Sample;
        DeployAndAssert(model.OverlayFile("prod"), ThreeNodePlacement.Expect(ThreeNodeSwarmFixture.Prod, Inventory), "base + prod");
        _swarm.ProdDeployed = true;
    }

    private void DeployAndAssert(string artefact, IReadOnlyDictionary<string, ServiceExpectation> expected, string what)
    {
        var clock = Stopwatch.StartNew();
        var result = _swarm.Deploy(ThreeNodeSwarmFixture.Sample, artefact, _output);
        Assert.True(result.Ok, "docker stack deploy was refused: " + result);
        Assert.Equal(expected.Keys.Select(k => Stack + "_" + k).OrderBy(k => k, StringComparer.Ordinal), _swarm.Manager.StackServices(Stack).OrderBy(k => k, StringComparer.Ordinal));
        ThreeNodePlacement.AssertSettles(
            () => ThreeNodePlacement.Observe(_swarm.Manager.StackTasks(Stack), expected.Keys), expected, _output, $"after deploying {what}", TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(3));
        _output.WriteLine($"{what}: deployed and settled in {Seconds(clock.Elapsed)}");
        foreach (var task in _swarm.Manager.StackTasks(Stack).Where(t => t.IsRunning || t.IsPending).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            _output.WriteLine($"  {task.Name,-28} {task.CurrentState,-28} node {(task.Node.Length == 0 ? "-" : task.Node),-14} {task.Error}");
        }
    }

    /// <summary>The issue's own reading of prod, so that the SDK's prediction is not only compared with itself.</summary>
    private static void ExpectedProdPlacementIsTheIssuesOwn()
    {
        var expected = ThreeNodePlacement.Expect(ThreeNodeSwarmFixture.Prod, Inventory);
        foreach (var spread in new[] { "vault", "apisix", "apisix-dashboard", "rabbitmq", "redis-sentinel" })
        {
            Assert.All(expected[spread].PerNode, n => Assert.Equal((1, 1), (n.Min, n.Max)));
            Assert.Equal(3, expected[spread].PerNode.Count);
        }

        Assert.Equal((2, 0), (expected["redis-replica"].RunningMin, expected["redis-replica"].Pending));
        Assert.All(expected["redis-replica"].PerNode, n => Assert.Equal((0, 1), (n.Min, n.Max)));
        foreach (var pinned in new[] { "swag", "cert-reloader" })
        {
            Assert.Equal(new[] { new NodeTasks("iklim-app-01", 1, 1) }, expected[pinned].PerNode);
        }
    }

    private static string RunningContainer(SwarmNode node, string service)
    {
        var ids = node.Docker.Check("ps", "-q", "--filter", $"label=com.docker.swarm.service.name={Stack}_{service}", "--filter", "status=running")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Assert.Single(ids);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
