using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Iklim.StackSdk.Analyzers.Tests.Evaluation;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Analyzers.Tests.Fuzz;

/// <summary>
/// Issue 15's fuzzing of helper-based code. Mutations (<see cref="SourceMutator"/>) of generated idiomatic programs
/// (<see cref="IdiomaticStackSource"/>) go through the analyzer and the generator with the checks of
/// <see cref="CompilerSideFuzzTests.Check"/>: no AD0001, CS8785 or exception. And half-typed edits, a statement of
/// Configure cut after a random token as a user leaves it while typing, give no IKS01xx finding located in or after
/// the broken statement: the evaluation stops there, no policy finding comes from code the compiler cannot bind.
/// <c>IKLIM_FUZZ_SEED</c> and <c>IKLIM_FUZZ_START</c> replay a run as in <see cref="CompilerSideFuzzTests"/>;
/// <c>IKLIM_IDIOMATIC_FUZZ_COUNT</c> (default 300) and <c>IKLIM_HALF_TYPED_COUNT</c> (default 100) scale them.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class IdiomaticFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCount = 300;
    private const int DefaultHalfTypedCount = 100;
    private const int SeedPrograms = 16;
    private const int ReportedFailures = 10;

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    [Fact]
    public void MutatedIdiomaticPrograms_NeverCrash_AndEachEndsInArtefactsOrAnError()
    {
        var (seed, start, count) = Settings("IKLIM_IDIOMATIC_FUZZ_COUNT", DefaultCount);
        var mutators = Programs(seed).Select(p => new SourceMutator(p)).ToArray();
        var outcomes = new ConcurrentDictionary<CompilerSideFuzzTests.Outcome, int>();
        var failures = Run(start, count, index =>
        {
            var (source, description) = mutators[index % mutators.Length].Variant(seed, index);
            CompilerSideFuzzTests.VariantResult result;
            try
            {
                result = CompilerSideFuzzTests.Check(source);
            }
            catch (Exception exception)
            {
                return (description, source, new List<string> { "exception in the harness or compiler: " + exception });
            }

            if (result.Outcome is { } outcome)
            {
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }

            return (description, source, result.Defects);
        });

        var summary = Summary("idiomatic mutation", seed, start, count, failures.Count, "IKLIM_IDIOMATIC_FUZZ_COUNT") + "; " +
                      string.Join(", ", Enum.GetValues<CompilerSideFuzzTests.Outcome>().Select(o => $"{o} {outcomes.GetValueOrDefault(o)}"));
        Report(summary, seed, failures);
        Assert.True(outcomes.GetValueOrDefault(CompilerSideFuzzTests.Outcome.Artefacts) + outcomes.GetValueOrDefault(CompilerSideFuzzTests.Outcome.IksError) > 0, "the mutations never reached the evaluator: " + summary);
    }

    [Fact]
    public void HalfTypedStatement_GivesNoPolicyFindingInOrAfterIt()
    {
        var (seed, start, count) = Settings("IKLIM_HALF_TYPED_COUNT", DefaultHalfTypedCount);
        var sources = Programs(seed).Prepend(SampleProject.InfraStackSource).ToArray();

        // The sample calls into its conventions library, which it references compiled.
        StackCompilation Compile(int which, string source) => which == 0 ? StackCompilation.Sample(source) : StackCompilation.Create(source);
        // What each source reports before any cut, to tell a finding the cut made up from one the evaluation should have stopped before.
        var uncutFindings = new HashSet<string>[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            var uncut = Compile(i, sources[i]);
            Assert.True(uncut.Errors.Count == 0, $"source {i} does not compile before any cut:\n{string.Join("\n", uncut.Errors)}");
            uncutFindings[i] = uncut.Analyze().Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        }

        var statements = sources.Select(CuttableStatements).ToArray();
        var stillValid = 0;
        var failures = Run(start, count, index =>
        {
            var random = new Random(unchecked((seed * 7_368_787) ^ (index * 104_729)));
            // Half the edits are in the sample, the stack of the issue's language-server session; half in idiomatic programs.
            var which = index % 2 == 0 ? 0 : 1 + (index / 2 % (sources.Length - 1));
            var (source, statement) = (sources[which], statements[which][random.Next(statements[which].Length)]);
            var tokens = statement.DescendantTokens().ToArray();
            var keep = tokens[random.Next(tokens.Length - 1)];
            var cut = source[..keep.Span.End] + source[statement.Span.End..];
            var description = $"source {which}, statement at line {Line(statement)} cut after '{keep.Text}' (token {Array.IndexOf(tokens, keep)} of {tokens.Length})";

            var compilation = Compile(which, cut);
            var cutTree = compilation.Compilation.SyntaxTrees.First();
            var defects = new List<string>();
            if (!cutTree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) && compilation.Errors.Count == 0)
            {
                // The rest of the next statement completed the cut one ("r *=" + "r--;"): valid code, not a half-typed edit.
                Interlocked.Increment(ref stillValid);
                return (description, cut, defects);
            }

            var brokenAt = statement.SpanStart;
            foreach (var finding in compilation.Analyze().Where(d => d.Id.StartsWith("IKS01", StringComparison.Ordinal) && d.Location.SourceTree == cutTree && d.Location.SourceSpan.Start >= brokenAt))
            {
                var message = finding.GetMessage(CultureInfo.InvariantCulture);
                var origin = uncutFindings[which].Contains(finding.Id + " " + message) ? "also reported without the cut" : "made up by the cut";
                defects.Add($"{finding.Id} at line {finding.Location.GetLineSpan().StartLinePosition.Line + 1}, in or after the broken statement ({origin}): {message}");
            }

            return (description, cut, defects);
        });

        Report(Summary("half-typed statement", seed, start, count, failures.Count, "IKLIM_HALF_TYPED_COUNT") + $", {stillValid} cuts left valid code", seed, failures);
    }

    /// <summary>The statements of Configure (lambdas and loop bodies included) that end in ';', as a user types them.</summary>
    private static StatementSyntax[] CuttableStatements(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, ParseOptions).GetRoot();
        var configure = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Configure");
        return configure.DescendantNodes().OfType<StatementSyntax>()
            .Where(s => s is ExpressionStatementSyntax or LocalDeclarationStatementSyntax && s.DescendantTokens().Count() > 2)
            .ToArray();
    }

    private static IEnumerable<string> Programs(int seed) =>
        Enumerable.Range(0, SeedPrograms).Select(i => IdiomaticStackSource.Create(unchecked(seed + i), $"Idiomatic.F{i}").Source);

    private static List<(int Index, string Description, string Source, List<string> Defects)> Run(int start, int count, Func<int, (string Description, string Source, List<string> Defects)> variant)
    {
        var failures = new ConcurrentBag<(int, string, string, List<string>)>();
        Parallel.For(start, start + count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var (description, source, defects) = variant(index);
            if (defects.Count > 0)
            {
                failures.Add((index, description, source, defects));
            }
        });
        return failures.OrderBy(f => f.Item1).ToList();
    }

    private static string Summary(string what, int seed, int start, int count, int failing, string countVariable) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what} fuzz seed {seed}: variants {start}..{start + count - 1} (replay: IKLIM_FUZZ_SEED={seed} IKLIM_FUZZ_START={start} {countVariable}={count}), failing {failing}");

    private void Report(string summary, int seed, List<(int Index, string Description, string Source, List<string> Defects)> failures)
    {
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("IKLIM_FUZZ_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, summary + "\n");
        }

        if (failures.Count == 0)
        {
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"iklim-idiomatic-fuzz-{seed}");
        Directory.CreateDirectory(folder);
        var message = new StringBuilder(summary).Append('\n');
        foreach (var failure in failures.Take(ReportedFailures))
        {
            var path = Path.Combine(folder, $"variant-{failure.Index}.cs");
            File.WriteAllText(path, failure.Source);
            message.Append(CultureInfo.InvariantCulture, $"variant {failure.Index} ({failure.Description}) -> {path}\n  {string.Join("\n  ", failure.Defects)}\n");
        }

        Assert.Fail(message.ToString());
    }

    private static (int Seed, int Start, int Count) Settings(string countVariable, int defaultCount) =>
        (EnvInt("IKLIM_FUZZ_SEED") ?? 20261201, EnvInt("IKLIM_FUZZ_START") ?? 0, EnvInt(countVariable) ?? defaultCount);

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Line(SyntaxNode node) =>
        (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
}
