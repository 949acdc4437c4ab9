using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Rules;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// Where the runtime builders' allocations go, stage by stage, for the synthetic stack:
/// <c>-- alloc [services] [runs] [--types] [--evaluation] [--against FOLDER]</c>. Each stage is measured with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> and timed (median of the runs). Build is measured whole and in
/// parts: the parts run on a copy of the built model (a new instance, so <see cref="StackPlan.Of"/> plans it again),
/// and "model, origins" is what Build allocates beyond them. <c>--types</c> adds, per stage, the types the runtime's
/// GC AllocationTick events (one sample per ~100 KB) name most. <c>--against</c> names the output folder of another
/// build of this harness (an earlier commit): it is loaded into its own load context and measured in the same run,
/// alternating with this build, so that the two columns share the machine's load. <c>--evaluation</c> adds issue 14's
/// row: the compile-time evaluation of the same stack (which runs Configure and Build itself), measured after the stages.
/// </summary>
internal static class AllocationStages
{
    private static readonly string[] Stages =
    {
        "Configure",
        "Build (whole)",
        "  overlay planner (StackPlan.Of)",
        "  validation (StackValidator, plan reused)",
        "  rules (StackRules.Check)",
        "  model, origins (the rest of Build)",
        "emission (StackArtefacts.Create)",
    };

    public static int Run(string[] args)
    {
        var against = Option(args, "--against");
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a != against).ToArray();
        var services = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 1_000;
        var runs = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 5;
        var baseline = against is null ? null : Baseline(against);

        Console.WriteLine($"{DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {services} services, {runs} runs per stage (median), load average before: {Timing.LoadAverage()}");
        using var listener = args.Contains("--types") ? new AllocationTicks() : null;
        var ours = Stages.Select(_ => (Bytes: new List<double>(), Times: new List<double>())).ToArray();
        var theirs = Stages.Select(_ => (Bytes: new List<double>(), Times: new List<double>())).ToArray();
        for (var run = 0; run <= runs; run++)
        {
            var sample = Sample(services, listener);
            var other = baseline?.Invoke(null, new object?[] { services, null }) as double[][];
            if (run == 0)
            {
                continue;
            }

            for (var stage = 0; stage < Stages.Length; stage++)
            {
                ours[stage].Bytes.Add(sample[0][stage]);
                ours[stage].Times.Add(sample[1][stage]);
                if (other is not null)
                {
                    theirs[stage].Bytes.Add(other[0][stage]);
                    theirs[stage].Times.Add(other[1][stage]);
                }
            }
        }

        Console.WriteLine($"load average after: {Timing.LoadAverage()}");
        // What stays reachable once built: the model, its plan (overlay and effective stack), indexes and findings.
        var stack = new SyntheticStack(services);
        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var probe = new StackBuilder("bench", "docker-stack-bench.yml");
        stack.Configure(probe);
        var built = probe.Build();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;
        var findings = built.Findings;
        Console.WriteLine($"the stack's findings: {findings.Count} ({string.Join(", ", findings.GroupBy(f => f.Id).Select(g => $"{g.Key} x{g.Count()}"))})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retained after Build (model, plan, indexes, findings, builders): {retained / 1e6:F1} MB"));
        GC.KeepAlive(built);
        GC.KeepAlive(probe);
        Console.WriteLine();
        if (baseline is null)
        {
            Console.WriteLine("| stage | allocated | time |");
            Console.WriteLine("|---|---:|---:|");
            for (var i = 0; i < Stages.Length; i++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Stages[i]} | {Timing.Median(ours[i].Bytes) / 1e6:F1} MB | {Timing.Median(ours[i].Times):F0} ms |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Configure + Build (the runtime builders) | {Builders(ours) / 1e6:F1} MB | {BuildersTime(ours):F0} ms |"));
        }
        else
        {
            Console.WriteLine($"| stage | allocated, {against} | allocated, this build | time, {against} | time, this build | time ratio |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            for (var i = 0; i < Stages.Length; i++)
            {
                var (a, b) = (Timing.Median(theirs[i].Times), Timing.Median(ours[i].Times));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Stages[i]} | {Timing.Median(theirs[i].Bytes) / 1e6:F1} MB | {Timing.Median(ours[i].Bytes) / 1e6:F1} MB | {a:F0} ms | {b:F0} ms | {b / a:F2} |"));
            }

            var (ta, tb) = (BuildersTime(theirs), BuildersTime(ours));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Configure + Build (the runtime builders) | {Builders(theirs) / 1e6:F1} MB | {Builders(ours) / 1e6:F1} MB | {ta:F0} ms | {tb:F0} ms | {tb / ta:F2} |"));
        }

        if (args.Contains("--evaluation"))
        {
            // The issue's row: the static evaluation, which drives the same builders with an origin per call, then Build.
            var theirEvaluation = baseline?.DeclaringType!.GetMethod(nameof(Evaluation), BindingFlags.Public | BindingFlags.Static)?.Invoke(null, new object[] { services, runs }) as double[];
            var ourEvaluation = Evaluation(services, runs);
            Console.WriteLine(theirEvaluation is null
                ? string.Create(CultureInfo.InvariantCulture, $"| static evaluation (the evaluator, Configure and Build with origins) | {ourEvaluation[0] / 1e6:F1} MB | {ourEvaluation[1]:F0} ms |")
                : string.Create(CultureInfo.InvariantCulture, $"| static evaluation (the evaluator, Configure and Build with origins) | {theirEvaluation[0] / 1e6:F1} MB | {ourEvaluation[0] / 1e6:F1} MB | {theirEvaluation[1]:F0} ms | {ourEvaluation[1]:F0} ms | {ourEvaluation[1] / theirEvaluation[1]:F2} |"));
        }

        if (listener is not null)
        {
            var types = listener.ByStage(Stages.Length);
            for (var i = 0; i < Stages.Length; i++)
            {
                if (i is 1 or 5)
                {
                    continue;
                }

                Console.WriteLine();
                Console.WriteLine($"{Stages[i].Trim()}: sampled bytes by type, per run");
                foreach (var (type, amount) in types[i].OrderByDescending(t => t.Value).Take(12))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {amount / 1e6 / (runs + 1),8:F2} MB  {type}"));
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// One run of every stage: allocated bytes in <c>[0][stage]</c>, milliseconds in <c>[1][stage]</c>. Public and
    /// typed with framework types only, so that a build of another commit loaded beside this one can be called.
    /// </summary>
    public static double[][] Sample(int services, object? listener)
    {
        var ticks = listener as AllocationTicks;
        var bytes = new double[Stages.Length];
        var times = new double[Stages.Length];
        var stack = new SyntheticStack(services);
        var builder = new StackBuilder("bench", "docker-stack-bench.yml");
        Measure(0, () => { stack.Configure(builder); return builder; });
        var result = (StackBuildResult)Measure(1, () => builder.Build());
        var copy = result.Model with { };
        Measure(2, () => StackPlan.Of(copy));
        Measure(3, () => StackValidator.Validate(copy));
        Measure(4, () => StackRules.Check(copy));
        Measure(6, () => StackArtefacts.Create(copy));
        bytes[5] = bytes[1] - bytes[2] - bytes[3] - bytes[4];
        times[5] = Math.Max(0, times[1] - times[2] - times[3] - times[4]);
        return new[] { bytes, times };

        object Measure(int stage, Func<object> action)
        {
            var started = DateTime.UtcNow;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var value = action();
            times[stage] = watch.Elapsed.TotalMilliseconds;
            bytes[stage] = GC.GetAllocatedBytesForCurrentThread() - before;
            ticks?.Window(stage, started, DateTime.UtcNow);
            return value;
        }
    }

    /// <summary>Bytes and milliseconds of one static evaluation of the literal stack (median of <paramref name="runs"/>), semantic models warm, as the targets harness measures it.</summary>
    public static double[] Evaluation(int services, int runs)
    {
        var evaluate = IdiomaticComparison.Evaluator(new PreparedStack(services));
        var bytes = new List<double>();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(evaluate());
            times.Add(watch.Elapsed.TotalMilliseconds);
            bytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return new[] { Timing.Median(bytes), Timing.Median(times) };
    }

    private static double Builders((List<double> Bytes, List<double> Times)[] stages) =>
        Timing.Median(stages[0].Bytes.Zip(stages[1].Bytes, (c, b) => c + b).ToList());

    private static double BuildersTime((List<double> Bytes, List<double> Times)[] stages) =>
        Timing.Median(stages[0].Times.Zip(stages[1].Times, (c, b) => c + b).ToList());

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary><see cref="Sample"/> of the harness built in <paramref name="folder"/>, with that folder's SDK assemblies.</summary>
    private static MethodInfo Baseline(string folder)
    {
        var full = Path.GetFullPath(folder);
        var context = new BaselineContext(full);
        var assembly = context.LoadFromAssemblyPath(Path.Combine(full, typeof(AllocationStages).Assembly.GetName().Name + ".dll"));
        return assembly.GetType(typeof(AllocationStages).FullName!, throwOnError: true)!.GetMethod(nameof(Sample), BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{folder} holds a harness without {nameof(Sample)}");
    }

    /// <summary>Resolves every assembly the baseline folder holds from it, and the framework's from the default context.</summary>
    private sealed class BaselineContext : AssemblyLoadContext
    {
        private readonly string _folder;

        public BaselineContext(string folder)
            : base("alloc-baseline") => _folder = folder;

        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    /// <summary>
    /// The runtime's AllocationTick events of this process. They arrive late on the listener's thread, so each is
    /// attributed afterwards to the stage whose time window holds its timestamp.
    /// </summary>
    private sealed class AllocationTicks : EventListener
    {
        private readonly List<(DateTime At, string Type, long Amount)> _ticks = new();
        private readonly List<(int Stage, DateTime From, DateTime To)> _windows = new();

        public void Window(int stage, DateTime from, DateTime to) => _windows.Add((stage, from, to));

        public Dictionary<string, long>[] ByStage(int stages)
        {
            var into = Enumerable.Range(0, stages).Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
            Thread.Sleep(3000);
            lock (_ticks)
            {
                foreach (var (at, type, amount) in _ticks)
                {
                    foreach (var (stage, from, to) in _windows)
                    {
                        if (at >= from && at <= to)
                        {
                            into[stage][type] = into[stage].TryGetValue(type, out var sum) ? sum + amount : amount;
                        }
                    }
                }
            }

            return into;
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
            {
                return;
            }

            var name = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (_ticks)
            {
                _ticks.Add((e.TimeStamp.ToUniversalTime(), name, amount));
            }
        }
    }
}
