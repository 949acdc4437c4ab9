using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Analyzers.Tests.Evaluation;

/// <summary>
/// Runtime == static on code a team writes (issue 15): each generated program (<see cref="IdiomaticStackSource"/>) is
/// compiled and its Configure really runs on the runtime builders, under tr-TR, and is evaluated at compile time; the
/// artefacts must be byte-identical and the findings equal (id, severity, message). Unlike the literal programs of
/// <see cref="RuntimeEqualsStaticTests"/>, the runtime side here executes helpers, loops, records and LINQ that the
/// evaluator has to follow on its own. <c>IKLIM_IDIOMATIC_PROGRAMS</c> (default 100; 500 in CI) and
/// <c>IKLIM_IDIOMATIC_SEED</c> scale or replay a run.
/// </summary>
public sealed class IdiomaticRuntimeEqualsStaticTests(ITestOutputHelper output)
{
    private const int DefaultPrograms = 100;
    private const int DefaultSeed = 20261201;
    private const int ProgramsPerCompilation = 20;
    private const int ReportedPrograms = 5;

    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    private static readonly Lazy<IdiomaticRun> Shared = new(() => IdiomaticRun.Execute(Seed, Count));

    private static int Seed => EnvInt("IKLIM_IDIOMATIC_SEED") ?? DefaultSeed;

    private static int Count => EnvInt("IKLIM_IDIOMATIC_PROGRAMS") ?? DefaultPrograms;

    /// <summary>The generator's side of the bargain: valid C# whose Configure runs on the runtime builders without throwing.</summary>
    [Fact]
    public void GeneratedPrograms_Compile_AndRunOnTheRuntimeBuilders()
    {
        var run = Shared.Value;
        output.WriteLine(run.Summary);
        var broken = run.Programs.Where(p => p.CompileErrors.Count > 0 || p.RuntimeError is not null).ToList();
        Assert.True(broken.Count == 0, $"{run.Summary}\n{broken.Count} generated program(s) are broken (a generator bug):\n" + string.Join("\n", broken.Take(ReportedPrograms).Select(p =>
            $"--- {p.Replay}\n{string.Join("\n", p.CompileErrors)}{p.RuntimeError}\n{p.Program.Source}")));

        // The runtime models are not trivial: services and findings both occur, or the comparison proves little.
        Assert.True(run.Programs.All(p => p.Runtime!.Model.Base.Services.Count > 0), "a program without services");
        Assert.True(run.Programs.Count(p => p.Runtime!.Findings.Count > 0) >= run.Programs.Count / 10, "fewer than one program in ten has findings: " + run.Summary);
    }

    /// <summary>Every public DSL member and every construct occurs in the first programs of the default seed.</summary>
    [Fact]
    public void Generator_ReachesEveryDslMember_AndEveryConstruct()
    {
        var programs = Enumerable.Range(0, 300).Select(i => IdiomaticStackSource.Create(unchecked(DefaultSeed + i), $"Idiomatic.P{i}")).ToList();
        var text = string.Concat(programs.Select(p => p.Source));
        var dsl = typeof(IStackScope).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Namespace == "Iklim.StackSdk" && t.Name.EndsWith("Builder", StringComparison.Ordinal) || t == typeof(IStackScope))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .ToList();
        Assert.NotEmpty(dsl);
        var missing = dsl.Where(member => !text.Contains("." + member[(member.IndexOf('.', StringComparison.Ordinal) + 1)..] + "(", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "DSL members no generated program calls: " + string.Join(", ", missing));

        var constructs = programs.SelectMany(p => p.Constructs).Distinct().Count();
        Assert.True(constructs >= 28, $"only {constructs} distinct constructs in 300 programs");
    }

    /// <summary>The property of issue 15: no IKS0001 (all constructs are supported), byte-identical artefacts, equal findings.</summary>
    [Fact]
    public void GeneratedPrograms_StaticEvaluationEqualsRuntime()
    {
        var run = Shared.Value;
        output.WriteLine(run.Summary);
        var valid = run.Programs.Where(p => p.CompileErrors.Count == 0 && p.RuntimeError is null).ToList();
        Assert.NotEmpty(valid);

        var message = new StringBuilder(run.Summary).Append('\n');
        var refused = valid.SelectMany(p => p.Refused.Select(r => (p, r.Construct, r.Message))).ToList();
        if (refused.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"IKS0001 in {valid.Count(p => p.Refused.Count > 0)} of {valid.Count} programs, by construct:\n");
            foreach (var group in refused.GroupBy(r => r.Construct).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                message.Append(CultureInfo.InvariantCulture, $"  {group.Key}: {group.Count()} x, e.g. \"{group.First().Message}\" ({group.First().p.Replay})\n");
            }
        }

        var mismatched = valid.Where(p => p.Mismatch is not null).ToList();
        if (mismatched.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"{mismatched.Count} of {valid.Count} programs differ between runtime and static evaluation:\n");
            foreach (var program in mismatched.Take(ReportedPrograms))
            {
                message.Append(CultureInfo.InvariantCulture, $"--- {program.Replay}: {program.Mismatch}\n{program.Program.Source}\n");
            }
        }

        Assert.True(refused.Count == 0 && mismatched.Count == 0, message.ToString());
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>One program's outcome on both sides.</summary>
    internal sealed record ProgramRun(IdiomaticProgram Program, string Replay)
    {
        public List<string> CompileErrors { get; } = [];

        public Exception? RuntimeError { get; set; }

        public StackBuildResult? Runtime { get; set; }

        public List<(string Construct, string Message)> Refused { get; } = [];

        public string? Mismatch { get; set; }
    }

    /// <summary>All programs of a run, compiled <see cref="ProgramsPerCompilation"/> to an assembly, batches in parallel.</summary>
    internal sealed record IdiomaticRun(IReadOnlyList<ProgramRun> Programs, string Summary)
    {
        public static IdiomaticRun Execute(int seed, int count)
        {
            var clock = Stopwatch.StartNew();
            var programs = Enumerable.Range(0, count).Select(i =>
            {
                var programSeed = unchecked(seed + i);
                return new ProgramRun(
                    IdiomaticStackSource.Create(programSeed, $"Idiomatic.P{i}"),
                    $"program {i} of seed {seed}, IKLIM_IDIOMATIC_SEED={programSeed} IKLIM_IDIOMATIC_PROGRAMS=1 replays it");
            }).ToList();
            var batches = programs.Chunk(ProgramsPerCompilation).ToList();
            Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, RunBatch);
            clock.Stop();
            var summary = string.Create(
                CultureInfo.InvariantCulture,
                $"idiomatic seed {seed}: {count} programs in {clock.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores; broken {programs.Count(p => p.CompileErrors.Count > 0 || p.RuntimeError is not null)}, with IKS0001 {programs.Count(p => p.Refused.Count > 0)}, differing {programs.Count(p => p.Mismatch is not null)}, with findings {programs.Count(p => p.Runtime?.Findings.Count > 0)} (thread time: compile, emit and run {Seconds(runtimeTicks):F0} s, static evaluation and comparison {Seconds(staticTicks):F0} s)");
            if (Environment.GetEnvironmentVariable("IKLIM_FUZZ_REPORT") is { Length: > 0 } file)
            {
                File.AppendAllText(file, summary + "\n");
            }

            return new IdiomaticRun(programs, summary);
        }

        private static long runtimeTicks;
        private static long staticTicks;

        private static void RunBatch(ProgramRun[] batch)
        {
            var clock = Stopwatch.StartNew();
            var compilation = StackCompilation.Create(batch.Select(p => p.Program.Source).ToArray());
            IReadOnlyList<(StackBuildResult? Result, Exception? Error)> runtime;
            try
            {
                // Emitting reports the compile errors too, so a valid batch is bound once, not twice.
                runtime = compilation.RunAtRuntime(batch.Select(p => p.Program.StackClass).ToList(), Turkish);
            }
            catch (InvalidOperationException)
            {
                foreach (var error in compilation.Errors)
                {
                    var index = int.Parse(error.Location.SourceTree!.FilePath["Stack".Length..^".cs".Length], CultureInfo.InvariantCulture);
                    batch[index].CompileErrors.Add(error.ToString());
                }

                return;
            }
            finally
            {
                Interlocked.Add(ref runtimeTicks, clock.ElapsedTicks);
            }

            // One semantic model per tree for the whole batch, as the compiler hands the analyzer one per tree.
            clock.Restart();
            var models = new Dictionary<SyntaxTree, SemanticModel>();
            SemanticModel ModelFor(SyntaxTree tree)
            {
                if (!models.TryGetValue(tree, out var model))
                {
                    model = compilation.Compilation.GetSemanticModel(tree);
                    models[tree] = model;
                }

                return model;
            }

            for (var i = 0; i < batch.Length; i++)
            {
                (batch[i].Runtime, batch[i].RuntimeError) = runtime[i];
                if (batch[i].Runtime is { } result)
                {
                    CompareWithStatic(compilation, ModelFor, batch[i], result);
                }
            }

            Interlocked.Add(ref staticTicks, clock.ElapsedTicks);
        }

        private static void CompareWithStatic(StackCompilation compilation, Func<SyntaxTree, SemanticModel> modelFor, ProgramRun program, StackBuildResult runtime)
        {
            StackEvaluation evaluation;
            try
            {
                evaluation = StackEvaluator.Evaluate(compilation.StackClass(program.Program.StackClass), modelFor, CancellationToken.None);
            }
            catch (Exception exception)
            {
                program.Mismatch = "the evaluator threw " + exception;
                return;
            }

            foreach (var diagnostic in evaluation.Diagnostics)
            {
                var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
                if (diagnostic.Id == "IKS0001")
                {
                    // Reported at the outermost call in Configure; the construct is where the innermost location is.
                    var innermost = diagnostic.AdditionalLocations.LastOrDefault(l => l.SourceTree == diagnostic.Location.SourceTree) ?? diagnostic.Location;
                    program.Refused.Add((IdiomaticStackSource.ConstructAt(program.Program.Source, innermost.GetLineSpan().StartLinePosition.Line), $"line {line + 1}: {diagnostic.Message}"));
                }
                else
                {
                    program.Mismatch ??= $"the evaluator reported {diagnostic.Id} at line {line + 1}: {diagnostic.Message}";
                }
            }

            if (evaluation.Diagnostics.Count > 0)
            {
                return;
            }

            if (evaluation.Result is null)
            {
                program.Mismatch = "no static result";
                return;
            }

            var expected = Artefacts(runtime);
            var actual = Artefacts(evaluation.Result);
            if (!expected.SequenceEqual(actual, ArtefactComparer.Instance))
            {
                program.Mismatch = $"artefacts differ\n--- runtime\n{Text(expected)}\n--- static\n{Text(actual)}";
                return;
            }

            var runtimeFindings = Findings(runtime);
            var staticFindings = Findings(evaluation.Result);
            if (!runtimeFindings.SequenceEqual(staticFindings, StringComparer.Ordinal))
            {
                program.Mismatch = $"findings differ\n--- runtime\n{string.Join("\n", runtimeFindings)}\n--- static\n{string.Join("\n", staticFindings)}";
            }
        }

        private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

        private static List<(string Path, byte[] Bytes)> Artefacts(StackBuildResult result) =>
            StackArtefacts.Create(result.Model).Select(a => (a.Path, Encoding.UTF8.GetBytes(a.Content))).ToList();

        private static string Text(List<(string Path, byte[] Bytes)> artefacts) =>
            string.Join("\n", artefacts.Select(a => "# " + a.Path + "\n" + Encoding.UTF8.GetString(a.Bytes)));

        private static List<string> Findings(StackBuildResult result) =>
            result.Findings.Select(f => $"{f.Id} {f.Severity} {f.Message}").ToList();
    }

    private sealed class ArtefactComparer : IEqualityComparer<(string Path, byte[] Bytes)>
    {
        public static readonly ArtefactComparer Instance = new();

        public bool Equals((string Path, byte[] Bytes) x, (string Path, byte[] Bytes) y) =>
            string.Equals(x.Path, y.Path, StringComparison.Ordinal) && x.Bytes.AsSpan().SequenceEqual(y.Bytes);

        public int GetHashCode((string Path, byte[] Bytes) obj) => StringComparer.Ordinal.GetHashCode(obj.Path);
    }
}
