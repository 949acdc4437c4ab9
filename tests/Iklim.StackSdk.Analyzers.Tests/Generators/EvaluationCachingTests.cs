using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Iklim.StackSdk.Generators;
using Iklim.StackSdk.Generators.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.Analyzers.Tests.Generators;

/// <summary>
/// Issue 14: a stack is evaluated again only when a tree it read changed, and the analyzer reuses the generator's
/// evaluation. Evaluations are counted per stack tree (<see cref="EvaluationCache.EvaluationsIn"/>), so tests running
/// in parallel do not disturb the counts.
/// </summary>
public sealed class EvaluationCachingTests
{
    private const int Stacks = 20;
    private const int ServicesPerStack = 50;

    /// <summary>Stacks 3 and 11 call the helper file; the others do not.</summary>
    private static readonly int[] HelperUsers = { 3, 11 };

    private const string Helpers = """
        using Iklim.StackSdk;

        public static class WebDefaults
        {
            public static void Edge(IStackBuilder stack, string name)
            {
                stack.Service(name).Image("nginx:1.27.2").Replicas(2);
            }
        }
        """;

    [Fact]
    public void TwentyStacks_EditInOne_EvaluatesOnlyThatOne()
    {
        var compilation = Project(Helpers);
        var driver = GeneratorRun.CreateDriver().RunGenerators(compilation);
        Assert.All(StackTrees(compilation), tree => Assert.Equal(1, EvaluationCache.EvaluationsIn(tree)));

        var edited = Edit(compilation, StackPath(7), "Replicas(1)", "Replicas(4)");
        driver = driver.RunGenerators(edited);

        var evaluations = StackTrees(edited).ToDictionary(t => t.FilePath, EvaluationCache.EvaluationsIn);
        Assert.Equal(1, evaluations[StackPath(7)]);
        Assert.All(evaluations.Where(e => e.Key != StackPath(7)), e => Assert.Equal(1, e.Value));

        AssertSteps(driver, TrackingNames.EvaluatedStacks, modified: new[] { Name(7) }, others: IncrementalStepRunReason.Unchanged);
        AssertSteps(driver, TrackingNames.EmittedStacks, modified: new[] { Name(7) }, others: IncrementalStepRunReason.Cached);
        Assert.Equal(FromScratch(edited), Flatten(GeneratorRun.Manifest(driver)));
    }

    [Fact]
    public void TwentyStacks_EditInsideAHelperBody_EvaluatesExactlyTheTwoStacksThatCallIt()
    {
        var compilation = Project(Helpers);
        var driver = GeneratorRun.CreateDriver().RunGenerators(compilation);

        var edited = Edit(compilation, "WebDefaults.cs", "Replicas(2)", "Replicas(3)");
        driver = driver.RunGenerators(edited);

        foreach (var tree in StackTrees(edited))
        {
            var index = IndexOf(tree.FilePath);
            Assert.True(
                (HelperUsers.Contains(index) ? 2 : 1) == EvaluationCache.EvaluationsIn(tree),
                $"{tree.FilePath}: evaluated {EvaluationCache.EvaluationsIn(tree)} times");
        }

        AssertSteps(driver, TrackingNames.EmittedStacks, modified: HelperUsers.Select(Name).ToArray(), others: IncrementalStepRunReason.Cached);
        Assert.Equal(FromScratch(edited), Flatten(GeneratorRun.Manifest(driver)));
    }

    [Fact]
    public void EditInsideABodyNoStackRead_EvaluatesNothing()
    {
        var unrelated = "public static class Clock { public static int Now() { return 1; } }";
        var compilation = Project(Helpers, unrelated);
        var driver = GeneratorRun.CreateDriver().RunGenerators(compilation);

        driver = driver.RunGenerators(Edit(compilation, "Clock.cs", "return 1;", "return 2;"));

        Assert.All(StackTrees(compilation), tree => Assert.Equal(1, EvaluationCache.EvaluationsIn(tree)));
        AssertSteps(driver, TrackingNames.EmittedStacks, modified: Array.Empty<string>(), others: IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void ChangedConstantInAnotherFile_ChangesTheStackThatUsesIt()
    {
        var constants = "public static class Tags { public const string Nginx = \"nginx:1.27.2\"; }";
        var stack = """
            using Iklim.StackSdk;

            [Stack("tagged")]
            public sealed class Tagged : IStackDefinition
            {
                public void Configure(IStackBuilder stack) => stack.Service("web").Image(Tags.Nginx).Replicas(1);
            }
            """;
        var compilation = Compile(("Tags.cs", constants), ("Tagged.cs", stack));
        var driver = GeneratorRun.CreateDriver().RunGenerators(compilation);

        var edited = Edit(compilation, "Tags.cs", "1.27.2", "1.27.3");
        driver = driver.RunGenerators(edited);

        Assert.Contains("nginx:1.27.3", string.Concat(GeneratorRun.Manifest(driver).Single().Files.Select(f => f.Value)), StringComparison.Ordinal);
        Assert.Equal(FromScratch(edited), Flatten(GeneratorRun.Manifest(driver)));
    }

    [Fact]
    public void NewOverloadInAnotherFile_IsSeenByTheStackThatBindsToIt()
    {
        var stack = """
            using Iklim.StackSdk;

            [Stack("bound")]
            public sealed class Bound : IStackDefinition
            {
                public void Configure(IStackBuilder stack) => stack.Service("web").Image(Images.For(2)).Replicas(1);
            }
            """;
        var images = "public static partial class Images { public static string For(long n) => \"nginx:1.27.\" + n; }";
        var compilation = Compile(("Bound.cs", stack), ("Images.cs", images), ("More.cs", "public static partial class Images { }"));
        var driver = GeneratorRun.CreateDriver().RunGenerators(compilation);

        // Configure's tree and Images.cs are unchanged, yet `For(2)` now binds to the new int overload.
        var edited = Edit(compilation, "More.cs", "{ }", "{ public static string For(int n) => \"nginx:1.26.\" + n; }");
        driver = driver.RunGenerators(edited);

        Assert.Contains("nginx:1.26.2", string.Concat(GeneratorRun.Manifest(driver).Single().Files.Select(f => f.Value)), StringComparison.Ordinal);
        Assert.Equal(FromScratch(edited), Flatten(GeneratorRun.Manifest(driver)));
    }

    [Fact]
    public void Analyzer_ReusesTheGeneratorsEvaluation_AndReportsWhatAFreshAnalysisReports()
    {
        var compilation = Project(Helpers);
        CSharpGeneratorDriver.Create(new StackArtefactGenerator().AsSourceGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);

        var shared = Analyze(withGenerated);
        Assert.All(StackTrees(compilation), tree => Assert.Equal(1, EvaluationCache.EvaluationsIn(tree)));

        var fresh = Analyze(Reparsed(compilation));
        Assert.NotEmpty(fresh);
        Assert.Equal(fresh, shared);
    }

    [Fact]
    public void Sample_AnalyzerAfterGenerator_ReportsWhatAFreshAnalysisReports()
    {
        var compilation = StackCompilation.Sample(SampleProject.InfraStackSource).Compilation;
        CSharpGeneratorDriver.Create(new StackArtefactGenerator().AsSourceGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);

        var shared = Analyze(withGenerated);
        Assert.Equal(1, EvaluationCache.EvaluationsIn(compilation.SyntaxTrees.Single()));

        Assert.Equal(Analyze(Reparsed(compilation)), shared);
    }

    private static CSharpCompilation Project(params string[] extra)
    {
        var files = Enumerable.Range(0, Stacks).Select(i => (StackPath(i), StackSource(i))).ToList();
        files.Add(("WebDefaults.cs", extra[0]));
        if (extra.Length > 1)
        {
            files.Add(("Clock.cs", extra[1]));
        }

        return Compile(files.ToArray());
    }

    private static CSharpCompilation Compile(params (string Path, string Source)[] files) =>
        CSharpCompilation.Create(
            "StackProject",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: f.Path)),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A stack of 50 services; one image uses a "latest" tag, so the analyzer has a finding to report.</summary>
    private static string StackSource(int index)
    {
        var text = new StringBuilder();
        text.Append("using Iklim.StackSdk;\n\n");
        text.Append(CultureInfo.InvariantCulture, $"[Stack(\"{Name(index)}\", BaseFile = \"docker-stack-{Name(index)}.yml\")]\n");
        text.Append(CultureInfo.InvariantCulture, $"public sealed class Stack{index} : IStackDefinition\n{{\n    public void Configure(IStackBuilder stack)\n    {{\n");
        text.Append("        stack.Network(\"backend\");\n");
        for (var service = 0; service < ServicesPerStack; service++)
        {
            var image = service == 0 ? "redis:latest" : $"registry.iklim.co/s{index}-{service}:1.0.{service}";
            var replicas = service == 1 ? "Replicas(1)" : "Replicas(2)";
            text.Append(CultureInfo.InvariantCulture, $"        stack.Service(\"svc-{service}\").Image(\"{image}\").Network(\"backend\").Environment(\"SLOT\", \"{service}\").{replicas};\n");
        }

        if (HelperUsers.Contains(index))
        {
            text.Append("        WebDefaults.Edge(stack, \"edge\");\n");
        }

        text.Append("        stack.Profile(\"prod\", prod => prod.Service(\"svc-1\").Replicas(3));\n");
        text.Append("    }\n}\n");
        return text.ToString();
    }

    private static string Name(int index) => "stack" + index.ToString("00", CultureInfo.InvariantCulture);

    private static string StackPath(int index) => $"Stack{index.ToString("00", CultureInfo.InvariantCulture)}.cs";

    private static int IndexOf(string path) => int.Parse(path.AsSpan(5, 2), CultureInfo.InvariantCulture);

    private static IEnumerable<SyntaxTree> StackTrees(Compilation compilation) =>
        compilation.SyntaxTrees.Where(t => t.FilePath.StartsWith("Stack", StringComparison.Ordinal));

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText().ToString();
        Assert.Contains(from, text, StringComparison.Ordinal);
        var position = text.IndexOf(from, StringComparison.Ordinal);
        var changed = tree.GetText().WithChanges(new TextChange(new TextSpan(position, from.Length), to));
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(changed));
    }

    /// <summary>The same sources parsed again: new tree instances, so nothing can come from the cache.</summary>
    private static CSharpCompilation Reparsed(CSharpCompilation compilation) =>
        compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t =>
            CSharpSyntaxTree.ParseText(t.GetText().ToString(), (CSharpParseOptions)t.Options, t.FilePath)));

    private static List<string> FromScratch(CSharpCompilation compilation) =>
        Flatten(GeneratorRun.Manifest(GeneratorRun.CreateDriver().RunGenerators(Reparsed(compilation))));

    private static List<string> Flatten(IReadOnlyList<ManifestStack> stacks) =>
        stacks.SelectMany(s => new[] { $"{s.Name} {s.Blocked} {s.Summary}" }.Concat(s.Files.Select(f => $"{s.Name}/{f.Key}\n{f.Value}"))).ToList();

    private static List<string> Analyze(Compilation compilation) =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StackDefinitionAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(CultureInfo.InvariantCulture)} [{string.Join(", ", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))}]")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static void AssertSteps(GeneratorDriver driver, string step, string[] modified, IncrementalStepRunReason others)
    {
        var outputs = driver.GetRunResult().Results.Single().TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .Select(o => (Name: o.Value switch
            {
                Iklim.StackSdk.Generators.Pipeline.EvaluatedStack evaluated => evaluated.Name,
                Iklim.StackSdk.Generators.Pipeline.StackOutcome outcome => outcome.Name,
                _ => throw new InvalidOperationException(o.Value.GetType().Name),
            }, o.Reason))
            .ToList();
        Assert.Equal(Stacks, outputs.Count);
        Assert.All(outputs, o => Assert.Equal(modified.Contains(o.Name) ? IncrementalStepRunReason.Modified : others, o.Reason));
    }
}
