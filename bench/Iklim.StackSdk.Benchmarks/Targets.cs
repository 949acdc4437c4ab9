using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Loader;
using System.Text;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// Every row of issue 14's target table in one run, both sides of each ratio measured in the same run, alternating
/// A and B so that the machine's load falls on both: <c>-- targets [runs] [--build]</c>. <c>--build</c> adds the warm
/// <c>dotnet build</c> row (bench/build-overhead.sh, several minutes).
/// </summary>
internal static class Targets
{
    private const int ProjectStacks = 20;
    private const int ServicesPerStack = 50;

    public static int Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : 5;
        var withBuild = args.Contains("--build");
        Console.WriteLine($"{DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {Environment.ProcessorCount} cores, {runs} runs per figure (median), load average before: {Timing.LoadAverage()}");

        var literal = new PreparedStack(1_000);
        var idiomatic = new PreparedStack(1_000, idiomatic: true);
        var rows = new List<(string Figure, string Measured, string Target, bool Met)>();

        var (literalWith, literalWithout) = WholeCompile(literal, runs);
        rows.Add(Ratio("whole compile, literal 1,000 services: with the SDK / without", literalWith, literalWithout, 2.0));
        var (idiomaticWith, idiomaticWithout) = WholeCompile(idiomatic, runs);
        rows.Add(Ratio("whole compile, idiomatic 1,000 services: with the SDK / without", idiomaticWith, idiomaticWithout, 2.2));

        var (literalStatic, literalRuntime) = StaticAgainstRuntime(literal, () => literal.RunBuilders(), runs);
        rows.Add(Ratio("compile-time evaluation / runtime builders, literal", literalStatic, literalRuntime, 2.0));
        var definition = Compiled(idiomatic);
        var (idiomaticStatic, idiomaticRuntime) = StaticAgainstRuntime(idiomatic, () => StackBuilder.Run(definition), runs);
        rows.Add(Ratio("compile-time evaluation / runtime builders, idiomatic", idiomaticStatic, idiomaticRuntime, 2.0));

        var large = new PreparedStack(5_000);
        var largeEndToEnd = Timing.MedianMilliseconds(Math.Max(3, runs / 2), large.Fresh, c => PreparedStack.RunEndToEnd(c));
        var smallEndToEnd = Timing.MedianMilliseconds(runs, literal.Fresh, c => PreparedStack.RunEndToEnd(c));
        rows.Add(Ratio("5,000 / 1,000 end to end (generator + analyzers)", largeEndToEnd, smallEndToEnd, 5.2));

        var (evaluated, keystrokeAnalyzer, keystrokeCompiler, keystrokeGenerator) = TwentyStacks(runs);
        rows.Add(("20 stacks x 50 services, edit in one: stacks evaluated", evaluated.ToString(CultureInfo.InvariantCulture), "1", evaluated == 1));
        rows.Add(Ratio($"keystroke: analyzer for the edited document / compiler diagnostics for it (generator re-run {keystrokeGenerator:F0} ms)", keystrokeAnalyzer, keystrokeCompiler, 1.3));

        if (withBuild)
        {
            rows.Add(WarmBuild());
        }
        else
        {
            rows.Add(("warm dotnet build of the sample, with / without the SDK", "not run (pass --build)", "<= 1.10", false));
        }

        rows.Add(AgainstDocker(literal, smallEndToEnd, runs));

        var allocated = AllocatedPerEvaluation(literal, runs);
        rows.Add(("allocated per 1,000-service evaluation (including the builders' Build)", $"{allocated / 1e6:F1} MB", "<= 20 MB", allocated <= 20e6));
        var runtimeAllocated = Allocated(() => literal.RunBuilders(), runs);
        rows.Add(("for comparison, not a target: allocated by the runtime builders running the same Configure + Build", $"{runtimeAllocated / 1e6:F1} MB", "-", true));

        Console.WriteLine($"load average after: {Timing.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| figure | measured | target | met |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (var (figure, measured, target, met) in rows)
        {
            Console.WriteLine($"| {figure} | {measured} | {target} | {(met ? "yes" : "no")} |");
        }

        return 0;
    }

    private static (string, string, string, bool) Ratio(string figure, double a, double b, double target) =>
        (figure, string.Create(CultureInfo.InvariantCulture, $"{a / b:F2} ({a:F0} / {b:F0} ms)"), string.Create(CultureInfo.InvariantCulture, $"<= {target:F1}"), a / b <= target);

    /// <summary>
    /// What csc does for the project in process: with the SDK, the generator, then compiler and analyzer diagnostics
    /// on the compilation with the generated trees; without it, the compiler's diagnostics. Parsing is outside both.
    /// </summary>
    private static (double With, double Without) WholeCompile(PreparedStack prepared, int runs)
    {
        var with = new List<double>();
        var without = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var a = Time(prepared.Fresh(), compilation =>
            {
                CSharpGeneratorDriver.Create(new StackArtefactGenerator().AsSourceGenerator())
                    .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
                generated.WithAnalyzers(PreparedStack.Analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            });
            var b = Time(prepared.Fresh(), compilation => compilation.GetDiagnostics());
            if (i > 0)
            {
                with.Add(a);
                without.Add(b);
            }
        }

        return (Timing.Median(with), Timing.Median(without));
    }

    /// <summary>The evaluation with its semantic models warm (as after the compiler bound the tree), against the compiled program.</summary>
    private static (double Static, double Runtime) StaticAgainstRuntime(PreparedStack prepared, Action runtime, int runs)
    {
        var evaluate = IdiomaticComparison.Evaluator(prepared);
        var statics = new List<double>();
        var runtimes = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var a = Time(0, _ => evaluate());
            var b = Time(0, _ => runtime());
            if (i > 0)
            {
                statics.Add(a);
                runtimes.Add(b);
            }
        }

        return (Timing.Median(statics), Timing.Median(runtimes));
    }

    private static IStackDefinition Compiled(PreparedStack prepared)
    {
        using var image = new MemoryStream();
        var emit = prepared.Compilation.Emit(image);
        if (!emit.Success)
        {
            throw new InvalidOperationException("the idiomatic stack does not emit: " + string.Join("\n", emit.Diagnostics));
        }

        image.Position = 0;
        var assembly = new AssemblyLoadContext("targets-bench", isCollectible: true).LoadFromStream(image);
        return (IStackDefinition)Activator.CreateInstance(assembly.GetType(SyntheticStack.ClassName, throwOnError: true)!)!;
    }

    /// <summary>
    /// A project of 20 stacks of 50 services, one file each, driven the way the IDE drives it: one generator driver
    /// kept across edits. Each run edits stack 7; the analyzer side runs the SDK's analyzers on that document of the
    /// compilation with the generated trees, the compiler side asks the same document's compiler diagnostics on an
    /// equal compilation of its own.
    /// </summary>
    private static (long Evaluated, double Analyzer, double Compiler, double Generator) TwentyStacks(int runs)
    {
        var trees = Enumerable.Range(0, ProjectStacks)
            .Select(i => CSharpSyntaxTree.ParseText(ProjectStack(i, replicas: 2), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"Stack{i:00}.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create("TwentyStacks", trees, PreparedStack.ReferencesForStacks, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new StackArtefactGenerator().AsSourceGenerator());
        driver = driver.RunGenerators(compilation);

        long evaluated = -1;
        var analyzer = new List<double>();
        var compiler = new List<double>();
        var generator = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var edited = CSharpSyntaxTree.ParseText(ProjectStack(7, replicas: 3 + i), (CSharpParseOptions)trees[7].Options, trees[7].FilePath);
            var current = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == trees[7].FilePath), edited);
            var before = current.SyntaxTrees.Sum(EvaluationCache.EvaluationsIn);

            var watch = Stopwatch.StartNew();
            driver = driver.RunGeneratorsAndUpdateCompilation(current, out var generated, out _);
            var generatorMs = watch.Elapsed.TotalMilliseconds;

            var a = Time(generated, c =>
                new CompilationWithAnalyzers(c, PreparedStack.Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                    .GetAnalyzerSemanticDiagnosticsAsync(c.GetSemanticModel(edited), null, CancellationToken.None).GetAwaiter().GetResult());
            var twin = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == trees[7].FilePath), CSharpSyntaxTree.ParseText(edited.GetText(), (CSharpParseOptions)edited.Options, edited.FilePath));
            var b = Time(twin, c => c.GetSemanticModel(c.SyntaxTrees.Single(t => t.FilePath == edited.FilePath)).GetDiagnostics());
            var after = current.SyntaxTrees.Sum(EvaluationCache.EvaluationsIn);
            compilation = current;
            if (i > 0)
            {
                evaluated = Math.Max(evaluated, after - before);
                analyzer.Add(a);
                compiler.Add(b);
                generator.Add(generatorMs);
            }
        }

        return (evaluated, Timing.Median(analyzer), Timing.Median(compiler), Timing.Median(generator));
    }

    private static string ProjectStack(int index, int replicas)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"using Iklim.StackSdk;\n\n[Stack(\"stack{index:00}\", BaseFile = \"docker-stack-{index:00}.yml\")]\npublic sealed class Stack{index} : IStackDefinition\n{{\n    public void Configure(IStackBuilder stack)\n    {{\n");
        text.Append("        stack.Network(\"backend\");\n");
        for (var service = 0; service < ServicesPerStack; service++)
        {
            text.Append(CultureInfo.InvariantCulture, $"        stack.Service(\"svc-{service}\").Image(\"registry.iklim.co/s{index}-{service}:1.0.{service}\").Network(\"backend\").Environment(\"SLOT\", \"{service}\").Replicas({(service == 0 ? replicas : 2)});\n");
        }

        text.Append("        stack.Profile(\"prod\", prod => prod.Service(\"svc-1\").Replicas(3));\n    }\n}\n");
        return text.ToString();
    }

    private static (string, string, string, bool) WarmBuild()
    {
        var script = Path.Combine(SideBySide.RepositoryRoot(), "bench", "build-overhead.sh");
        var output = SideBySide.Capture(script, "5");
        Console.Write(output);
        var ratioLine = output.Split('\n').FirstOrDefault(l => l.StartsWith("ratio with/without:", StringComparison.Ordinal));
        var ratio = ratioLine is null ? double.NaN : double.Parse(ratioLine.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
        return ("warm dotnet build of the sample, with / without the SDK (bench/build-overhead.sh 5)", ratio.ToString("F3", CultureInfo.InvariantCulture), "<= 1.10", ratio <= 1.10);
    }

    private static (string, string, string, bool) AgainstDocker(PreparedStack prepared, double ours, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("iklim-targets-").FullName;
        var artefacts = StackArtefacts.Create(prepared.Model);
        foreach (var artefact in artefacts)
        {
            File.WriteAllText(Path.Combine(folder, artefact.Path), artefact.Content);
        }

        var docker = Timing.MedianMilliseconds(runs, () => SideBySide.Capture("docker", "stack", "config", "-c", Path.Combine(folder, artefacts[0].Path), "-c", Path.Combine(folder, artefacts[1].Path)));
        Directory.Delete(folder, recursive: true);
        return Ratio("ours end to end / docker stack config -c base -c prod on the files it emits", ours, docker, 1.5);
    }

    /// <summary>Bytes the evaluating thread allocates for one evaluation (semantic models warm, so binding is not counted).</summary>
    private static double AllocatedPerEvaluation(PreparedStack prepared, int runs)
    {
        var evaluate = IdiomaticComparison.Evaluator(prepared);
        return Allocated(() => evaluate(), runs);
    }

    private static double Allocated(Func<object> action, int runs)
    {
        var bytes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(action());
            bytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return Timing.Median(bytes);
    }

    private static double Time<T>(T input, Action<T> action)
    {
        var watch = Stopwatch.StartNew();
        action(input);
        return watch.Elapsed.TotalMilliseconds;
    }
}
