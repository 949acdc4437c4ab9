using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>Observed task counts of one service.</summary>
internal sealed record Observed(int Running, int Pending, int Failed)
{
    public bool Matches(TaskExpectation expected) => Running == expected.Running && Pending == expected.Pending && Failed == 0;

    public override string ToString() => $"{Running} running, {Pending} pending, {Failed} failed";
}

/// <summary>Waits for a deployed stack to reach the predicted task counts and prints what Swarm did.</summary>
internal static class SwarmAssertions
{
    private static int _setupPrinted;

    /// <summary>Prints the fixture's setup steps once per run, so a CI log shows the Swarm was really there.</summary>
    public static void PrintSetupOnce(SwarmFixture swarm, ITestOutputHelper output)
    {
        if (Interlocked.Exchange(ref _setupPrinted, 1) == 0)
        {
            output.WriteLine("Swarm fixture setup:");
            foreach (var line in swarm.SetupLog)
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine(string.Empty);
        }

        output.WriteLine($"Node: {swarm.Node.Hostname}, role {swarm.Node.Role}, labels {string.Join(",", swarm.Node.Labels.Select(l => l.Key + "=" + l.Value))}");
    }

    public static Dictionary<string, Observed> Observe(IReadOnlyList<SwarmTask> tasks, IEnumerable<string> services) =>
        services.ToDictionary(
            s => s,
            s =>
            {
                var mine = tasks.Where(t => t.Service == s).ToList();
                return new Observed(mine.Count(t => t.IsRunning), mine.Count(t => t.IsPending), mine.Count(t => t.IsFailed));
            },
            StringComparer.Ordinal);

    /// <summary>
    /// Polls <c>docker stack ps</c> until every service's running/pending counts equal <paramref name="expected"/> (no
    /// failed task), then holds for <paramref name="hold"/> and checks again, so a crash-looping or late task is seen.
    /// Prints the services and tasks; asserts counts and the pending tasks' Swarm error.
    /// </summary>
    public static IReadOnlyList<SwarmTask> AssertSchedules(
        DockerCli docker,
        string stack,
        IReadOnlyDictionary<string, TaskExpectation> expected,
        ITestOutputHelper output,
        TimeSpan timeout,
        TimeSpan hold)
    {
        IReadOnlyList<SwarmTask> tasks = Array.Empty<SwarmTask>();
        bool Settled()
        {
            tasks = docker.StackTasks(stack);
            return Observe(tasks, expected.Keys).All(o => o.Value.Matches(expected[o.Key]));
        }

        var started = DateTime.UtcNow;
        var settled = Poll.Try(Settled, timeout);
        var after = DateTime.UtcNow - started;
        if (settled)
        {
            Thread.Sleep(hold);
            settled = Settled();
        }

        Print(docker, stack, expected, tasks, output, $"after {after.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s{(settled ? $" and a {hold.TotalSeconds:0}s hold" : " (NOT settled)")}");

        var observed = Observe(tasks, expected.Keys);
        var wrong = expected.Where(e => !observed[e.Key].Matches(e.Value)).Select(e => $"{e.Key}: expected {e.Value}, observed {observed[e.Key]}").ToList();
        Assert.True(wrong.Count == 0, "Swarm did not schedule as predicted:\n" + string.Join("\n", wrong));

        foreach (var (service, expectation) in expected.Where(e => e.Value.Pending > 0))
        {
            foreach (var task in tasks.Where(t => t.Service == service && t.IsPending))
            {
                Assert.Contains(expectation.PendingError!, task.Error, StringComparison.Ordinal);
            }
        }

        return tasks;
    }

    public static void Print(DockerCli docker, string stack, IReadOnlyDictionary<string, TaskExpectation> expected, IReadOnlyList<SwarmTask> tasks, ITestOutputHelper output, string when)
    {
        var text = new StringBuilder();
        text.AppendLine($"docker service ls (stack {stack}):");
        text.Append(docker.Run("service", "ls", "--filter", "label=com.docker.stack.namespace=" + stack, "--format", "  {{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}").StdOut);
        text.AppendLine($"Expected vs observed {when}:");
        var observed = Observe(tasks, expected.Keys);
        foreach (var (service, expectation) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {(observed[service].Matches(expectation) ? "ok  " : "DIFF")} {service,-18} expected {expectation}; observed {observed[service]}");
        }

        text.AppendLine("docker stack ps --no-trunc:");
        foreach (var task in tasks.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"  {task.Name,-28} desired {task.DesiredState,-8} {task.CurrentState,-32} node {(task.Node.Length == 0 ? "-" : task.Node),-14} {task.Error}");
        }

        output.WriteLine(text.ToString());
    }
}
