using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Iklim.StackSdk.Generators;
using Iklim.StackSdk.Generators.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Analyzers.Tests.Fuzz;

/// <summary>
/// Mutated variants of samples/IklimProd/InfraStack.cs through every analyzer of the Analyzers assembly and the
/// artefact generator: no analyzer or generator may crash (AD0001, CS8785, an exception, or an internal error turned
/// into a diagnostic), and each variant must end in artefacts, an IKS error, a source without a [Stack] class to
/// evaluate, or C# compiler errors. <c>IKLIM_FUZZ_SEED</c>, <c>IKLIM_FUZZ_COUNT</c> (default 1,000; 10,000 in CI) and
/// <c>IKLIM_FUZZ_START</c> replay or scale a run; the seed is printed and named in every failure.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class CompilerSideFuzzTests(ITestOutputHelper output)
{
    // A developer run stays short; CI sets IKLIM_FUZZ_COUNT=10000 with a fixed IKLIM_FUZZ_SEED (see .ci/run).
    private const int DefaultCount = 1_000;
    private const int ReportedFailures = 20;

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly CSharpCompilation Empty = CSharpCompilation.Create(
        "StackProject",
        Array.Empty<SyntaxTree>(),
        TestReferences.All.Append(SampleProject.Conventions),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Every analyzer the Analyzers assembly ships, found by reflection so a new one is fuzzed too.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(StackDefinitionAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public enum Outcome
    {
        /// <summary>The manifest holds the stack, not blocked, with files.</summary>
        Artefacts,

        /// <summary>At least one IKS error from the analyzer (and the generator blocked the stack).</summary>
        IksError,

        /// <summary>No class with [Stack] and a Configure(IStackBuilder) body is left to evaluate.</summary>
        NoStack,

        /// <summary>C# compiler errors, no IKS error: the generator holds the artefacts back as "does not compile".</summary>
        CompilerErrors,
    }

    [Fact]
    public void MutatedSampleVariants_NeverCrash_AndEachEndsInArtefactsOrAnError()
    {
        // A fixed default seed keeps the suite repeatable; set IKLIM_FUZZ_SEED to explore other inputs.
        var seed = EnvInt("IKLIM_FUZZ_SEED") ?? 20261126;
        var count = EnvInt("IKLIM_FUZZ_COUNT") ?? DefaultCount;
        var start = EnvInt("IKLIM_FUZZ_START") ?? 0;
        var seedSource = SampleProject.InfraStackSource;
        var mutator = new SourceMutator(seedSource);
        output.WriteLine($"fuzz seed {seed}, variants {start}..{start + count - 1} (replay: IKLIM_FUZZ_SEED={seed} IKLIM_FUZZ_START={start} IKLIM_FUZZ_COUNT={count}); {Analyzers.Length} analyzer(s); seed source has {mutator.TokenCount} tokens");

        // The unmutated sample itself must produce artefacts, or the categories below mean nothing.
        var baseline = Check(seedSource);
        Assert.True(baseline.Outcome == Outcome.Artefacts && baseline.Defects.Count == 0, "the seed: " + baseline);

        var stopwatch = Stopwatch.StartNew();
        var outcomes = new ConcurrentDictionary<Outcome, int>();
        var done = 0;
        var failures = new ConcurrentBag<(int Index, string Description, string Source, VariantResult Result)>();
        Parallel.For(start, start + count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var (source, description) = mutator.Variant(seed, index);
            VariantResult result;
            try
            {
                result = Check(source);
            }
            catch (Exception exception)
            {
                result = new VariantResult(null, new List<string> { "exception in the harness or compiler: " + exception }, string.Empty);
            }

            if (result.Outcome is { } outcome)
            {
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }

            if (result.Defects.Count > 0)
            {
                failures.Add((index, description, source, result));
            }

            if (Interlocked.Increment(ref done) % 1000 == 0)
            {
                WriteReport(string.Create(CultureInfo.InvariantCulture, $"fuzz seed {seed}: {done} variants done in {stopwatch.Elapsed.TotalSeconds:F0} s, failing {failures.Count}"));
            }
        });
        stopwatch.Stop();

        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"fuzz seed {seed}: {count} variants in {stopwatch.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores; ");
        summary.AppendJoin(", ", Enum.GetValues<Outcome>().Select(o => $"{o} {outcomes.GetValueOrDefault(o)}"));
        summary.Append(CultureInfo.InvariantCulture, $", failing {failures.Count} (thread time: compiler+analyzers {TimeSpan.FromTicks(analyzerTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalSeconds:F0} s, generator {TimeSpan.FromTicks(generatorTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalSeconds:F0} s)");
        output.WriteLine(summary.ToString());
        WriteReport(summary.ToString());

        if (!failures.IsEmpty)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"iklim-fuzz-{seed}");
            Directory.CreateDirectory(folder);
            var message = new StringBuilder(summary.ToString()).Append('\n');
            foreach (var failure in failures.OrderBy(f => f.Index).Take(ReportedFailures))
            {
                var file = Path.Combine(folder, $"variant-{failure.Index}.cs");
                File.WriteAllText(file, failure.Source);
                message.Append(CultureInfo.InvariantCulture, $"variant {failure.Index} ({failure.Description}) -> {file}\n  {string.Join("\n  ", failure.Result.Defects)}\n");
            }

            Assert.Fail(message.ToString());
        }

        Assert.True(outcomes.GetValueOrDefault(Outcome.Artefacts) > 0 && outcomes.GetValueOrDefault(Outcome.IksError) > 0, "the mutations never reached the evaluator: " + summary);
    }

    /// <summary>Analyzers and generator on one source; <see cref="VariantResult.Defects"/> lists everything that must not happen.</summary>
    private static long analyzerTicks;
    private static long generatorTicks;

    internal static VariantResult Check(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, path: "InfraStack.cs");
        var compilation = Empty.AddSyntaxTrees(tree);
        var defects = new List<string>();

        // The analyzers, with an exception handler: an analyzer exception is also reported as AD0001.
        var analyzerExceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => analyzerExceptions.Add($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var clock = Stopwatch.StartNew();
        var diagnostics = compilation.WithAnalyzers(Analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        Interlocked.Add(ref analyzerTicks, clock.ElapsedTicks);
        clock.Restart();
        defects.AddRange(analyzerExceptions);
        defects.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d.GetMessage(CultureInfo.InvariantCulture)));

        var iks = diagnostics.Where(d => d.Id.StartsWith("IKS", StringComparison.Ordinal)).ToList();
        defects.AddRange(iks.Where(d => d.Location == Location.None || !d.Location.IsInSource).Select(d => $"{d.Id} without a source location: {d.GetMessage(CultureInfo.InvariantCulture)}"));
        defects.AddRange(iks.Where(d => d.GetMessage(CultureInfo.InvariantCulture).Contains("please report this", StringComparison.Ordinal)).Select(d => $"internal error reported as {d.Id} at {d.Location.GetLineSpan()}: {d.GetMessage(CultureInfo.InvariantCulture)}"));
        var iksErrors = iks.Count(d => d.Severity == DiagnosticSeverity.Error);
        var compilerErrors = diagnostics.Count(d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);

        // The generator, as the compiler runs it.
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new StackArtefactGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        Interlocked.Add(ref generatorTicks, clock.ElapsedTicks);
        defects.AddRange(generatorDiagnostics.Where(d => d.Id == "CS8785").Select(d => "CS8785: " + d.GetMessage(CultureInfo.InvariantCulture)));
        defects.AddRange(run.Results.Where(r => r.Exception is not null).Select(r => "generator exception: " + r.Exception));
        var manifestSources = run.Results.SelectMany(r => r.GeneratedSources).Where(s => s.HintName == ArtefactManifest.HintName).ToList();
        if (manifestSources.Count != 1)
        {
            defects.Add($"{manifestSources.Count} manifests generated");
        }

        var stacks = manifestSources.SelectMany(s => ArtefactManifest.Read(s.SourceText.ToString())).ToList();
        defects.AddRange(stacks.Where(s => s.Summary.Contains("internal error", StringComparison.Ordinal)).Select(s => $"generator internal error: {s.Summary}"));
        defects.AddRange(stacks.Where(s => !s.Blocked && s.Files.Count == 0).Select(s => $"stack {s.Name} not blocked but without files"));
        defects.AddRange(stacks.Where(s => s.Blocked && s.Files.Count > 0).Select(s => $"stack {s.Name} blocked but with files"));

        var artefacts = stacks.Any(s => !s.Blocked && s.Files.Count > 0);
        var blockedByErrors = stacks.Any(s => s.Blocked && s.Summary.Contains(" error", StringComparison.Ordinal) && !s.Summary.Contains("does not compile", StringComparison.Ordinal));
        if (artefacts && iksErrors > 0)
        {
            defects.Add($"artefacts written although the analyzer reports {iksErrors} IKS error(s): {string.Join(" | ", iks.Select(d => d.ToString()))}");
        }

        if (blockedByErrors && iksErrors == 0)
        {
            defects.Add("the generator blocked the stack for errors the analyzer does not report: " + string.Join(" | ", stacks.Select(s => s.Summary)));
        }

        Outcome? outcome = artefacts ? Outcome.Artefacts
            : iksErrors > 0 ? Outcome.IksError
            : !HasEvaluableStack(compilation, tree) ? Outcome.NoStack
            : compilerErrors > 0 ? Outcome.CompilerErrors
            : null;
        if (outcome is null)
        {
            defects.Add("no artefacts, no IKS error, no compiler error, yet a [Stack] class with Configure: " + string.Join(" | ", stacks.Select(s => $"{s.Name} {(s.Blocked ? "blocked" : "ok")} {s.Summary}")));
        }

        var detail = $"{iksErrors} IKS errors, {compilerErrors} compiler errors, manifest: {string.Join(" | ", stacks.Select(s => $"{s.Name} {(s.Blocked ? "blocked" : "ok")} {s.Files.Count} files {s.Summary}"))}";
        return new VariantResult(outcome, defects, detail);
    }

    /// <summary>Whether the source still declares a class with [Stack] whose Configure(IStackBuilder) has a body.</summary>
    private static bool HasEvaluableStack(CSharpCompilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
        {
            if (model.GetDeclaredSymbol(declaration) is not { } type || StackEvaluator.FindStackAttribute(type) is null)
            {
                continue;
            }

            var configure = StackEvaluator.FindConfigure(type);
            var implementation = configure?.PartialImplementationPart ?? configure;
            if (implementation?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax { Body: not null } or MethodDeclarationSyntax { ExpressionBody: not null })
            {
                return true;
            }
        }

        return false;
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Appends the summary to <c>IKLIM_FUZZ_REPORT</c> when set, so CI can show it for a passing run.</summary>
    private static void WriteReport(string line)
    {
        if (Environment.GetEnvironmentVariable("IKLIM_FUZZ_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + "\n");
        }
    }

    internal sealed record VariantResult(Outcome? Outcome, List<string> Defects, string Detail)
    {
        public override string ToString() => $"{Outcome?.ToString() ?? "no outcome"}; {Detail}; defects: {string.Join(" / ", Defects)}";
    }
}
