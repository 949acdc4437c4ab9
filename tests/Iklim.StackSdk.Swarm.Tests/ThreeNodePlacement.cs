using System.Globalization;
using System.Text;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>What the SDK predicts for one service on the three nodes: running and pending tasks, and the tasks per node.</summary>
public sealed record ServiceExpectation(int RunningMin, int RunningMax, int Pending, IReadOnlyList<NodeTasks> PerNode)
{
    public override string ToString()
    {
        var running = RunningMin == RunningMax ? RunningMin.ToString(CultureInfo.InvariantCulture) : $"{RunningMin}-{RunningMax}";
        var nodes = PerNode.Count == 0 ? "no node" : string.Join(" ", PerNode.Select(n => $"{n.Node}={(n.Min == n.Max ? n.Min.ToString(CultureInfo.InvariantCulture) : $"{n.Min}-{n.Max}")}"));
        return $"{running} running, {Pending} pending [{nodes}]";
    }
}

/// <summary>Running tasks of one service per node, as Swarm (or, with no manager, each node's daemon) reports them.</summary>
public sealed record ServiceObservation(IReadOnlyDictionary<string, int> PerNode, int Pending)
{
    public int Running => PerNode.Values.Sum();

    public bool Matches(ServiceExpectation expected) =>
        Running >= expected.RunningMin && Running <= expected.RunningMax && Pending == expected.Pending
        && PerNode.All(n => n.Value == 0 || expected.PerNode.Any(e => e.Node == n.Key))
        && expected.PerNode.All(e => PerNode.GetValueOrDefault(e.Node) is var count && count >= e.Min && count <= e.Max);

    public override string ToString() =>
        $"{Running} running, {Pending} pending [{string.Join(" ", PerNode.Where(n => n.Value > 0).OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key}={n.Value}"))}]";
}

/// <summary>The SDK's predictions (<see cref="Scheduling"/>, <see cref="NodeFailures"/>) for the three-node Swarm, and the comparison with what it does.</summary>
public static class ThreeNodePlacement
{
    /// <summary>Full placement of every service of <paramref name="scope"/> on <paramref name="nodes"/>, the inventory the Swarm really has.</summary>
    public static IReadOnlyDictionary<string, ServiceExpectation> Expect(StackScope scope, ValueList<NodeSpec> nodes)
    {
        var onSwarm = scope with { Nodes = nodes };
        return onSwarm.Services.ToDictionary(
            s => s.Name,
            s =>
            {
                var prediction = Scheduling.Predict(onSwarm, s);
                return new ServiceExpectation(prediction.Running, prediction.Running, prediction.Pending, Scheduling.PerNode(onSwarm, s));
            },
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The row of the failure model for <paramref name="failure"/>: running tasks per service, pending = wanted - running
    /// while Swarm reschedules (no manager: nothing is created, so nothing is pending), and no task on the lost node.
    /// </summary>
    public static IReadOnlyDictionary<string, ServiceExpectation> Expect(StackScope scope, NodeFailure failure)
    {
        var result = new Dictionary<string, ServiceExpectation>(StringComparer.Ordinal);
        foreach (var after in failure.Services)
        {
            var service = scope.Service(after.Service)!;
            var perNode = Scheduling.PerNode(scope, service).Where(n => n.Node != failure.Node)
                .Select(n => failure.Reschedules ? new NodeTasks(n.Node, 0, service.MaxReplicasPerNode ?? int.MaxValue) : n).ToList();
            var pending = failure.Reschedules && service.Mode != ServiceMode.Global ? after.Wanted - after.RunningMin : 0;
            result[after.Service] = new ServiceExpectation(after.RunningMin, after.RunningMax, pending, perNode);
        }

        return result;
    }

    /// <summary>Running tasks per node and pending tasks per service, from the manager's <c>docker stack ps</c>.</summary>
    public static Dictionary<string, ServiceObservation> Observe(IReadOnlyList<SwarmTask> tasks, IEnumerable<string> services) =>
        services.ToDictionary(
            s => s,
            s =>
            {
                var mine = tasks.Where(t => t.Service == s).ToList();
                var perNode = mine.Where(t => t.IsRunning).GroupBy(t => t.Node, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                return new ServiceObservation(perNode, mine.Count(t => t.IsPending));
            },
            StringComparer.Ordinal);

    /// <summary>Running containers per service on each reachable node's own daemon: what runs while no manager answers.</summary>
    public static Dictionary<string, ServiceObservation> ObserveDaemons(IEnumerable<SwarmNode> nodes, string stack, IEnumerable<string> services)
    {
        var perService = services.ToDictionary(s => s, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var names = node.Docker.Run("ps", "--filter", "label=com.docker.stack.namespace=" + stack, "--filter", "status=running", "--format", "{{.Label \"com.docker.swarm.service.name\"}}");
            foreach (var name in names.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var service = name.StartsWith(stack + "_", StringComparison.Ordinal) ? name[(stack.Length + 1)..] : name;
                if (perService.TryGetValue(service, out var counts))
                {
                    counts[node.Hostname] = counts.GetValueOrDefault(node.Hostname) + 1;
                }
            }
        }

        return perService.ToDictionary(p => p.Key, p => new ServiceObservation(p.Value, 0), StringComparer.Ordinal);
    }

    /// <summary>
    /// Polls <paramref name="observe"/> until every service matches <paramref name="expected"/>, then holds and checks
    /// again (a late or crash-looping task is seen); prints the comparison; fails with the services that differ.
    /// Returns how long it took to match.
    /// </summary>
    public static TimeSpan AssertSettles(
        Func<Dictionary<string, ServiceObservation>> observe,
        IReadOnlyDictionary<string, ServiceExpectation> expected,
        ITestOutputHelper output,
        string when,
        TimeSpan timeout,
        TimeSpan hold)
    {
        var observed = new Dictionary<string, ServiceObservation>();
        bool Settled()
        {
            observed = observe();
            return expected.All(e => observed.TryGetValue(e.Key, out var o) && o.Matches(e.Value));
        }

        var started = DateTime.UtcNow;
        var settled = Poll.Try(Settled, timeout, TimeSpan.FromMilliseconds(500));
        var took = DateTime.UtcNow - started;
        if (settled && hold > TimeSpan.Zero)
        {
            Thread.Sleep(hold);
            settled = Settled();
        }

        var text = new StringBuilder();
        text.AppendLine($"Expected vs observed {when}, matched after {took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s{(settled ? $" and held {hold.TotalSeconds:0}s" : " (NOT settled)")}:");
        foreach (var (service, expectation) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var o = observed.GetValueOrDefault(service);
            text.AppendLine($"  {(o is not null && o.Matches(expectation) ? "ok  " : "DIFF")} {service,-18} expected {expectation}; observed {o?.ToString() ?? "nothing"}");
        }

        output.WriteLine(text.ToString());
        Assert.True(settled, $"Swarm did not match the prediction {when}:\n{text}");
        return took;
    }
}
