using System.Globalization;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// A quick Stopwatch breakdown of the end-to-end path (medians of a few runs), to find the stage that grows fastest
/// without waiting for BenchmarkDotNet: <c>-- stages 1000 5000</c>.
/// </summary>
internal static class StageTimings
{
    public static int Run(string[] args)
    {
        var sizes = args.Length == 0 ? new[] { 1_000, 5_000 } : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        Console.WriteLine($"load average before: {Timing.LoadAverage()}");
        foreach (var size in sizes)
        {
            var prepared = new PreparedStack(size);
            var runs = size >= 5_000 ? 3 : 5;
            prepared.RunEndToEnd();

            var stackClass = prepared.Compilation.GetTypeByMetadataName(SyntheticStack.ClassName)!;
            var tree = prepared.Compilation.SyntaxTrees.Single();
            var configure = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Configure");
            var body = prepared.Compilation.GetSemanticModel(tree).GetOperation(configure)!;

            Report(size, "bind Configure (compiler only)", Timing.MedianMilliseconds(runs, () =>
            {
                var clone = prepared.Compilation.Clone();
                clone.GetSemanticModel(clone.SyntaxTrees.Single()).GetOperation(configure);
            }));
            Report(size, "bind Configure, then its diagnostics", Timing.MedianMilliseconds(runs, () =>
            {
                var clone = prepared.Compilation.Clone();
                var model = clone.GetSemanticModel(clone.SyntaxTrees.Single());
                model.GetOperation(configure);
                model.GetDiagnostics(configure.Span);
            }));
            Report(size, "compiler diagnostics (no analyzers)", Timing.MedianMilliseconds(runs, () => prepared.Compilation.Clone().GetDiagnostics()));
            Report(size, "static evaluation", Timing.MedianMilliseconds(runs, () => StackEvaluator.Evaluate(stackClass, body, CancellationToken.None)));
            Report(size, "runtime builders + Build", Timing.MedianMilliseconds(runs, () => prepared.RunBuilders()));
            Report(size, "rules + validation", Timing.MedianMilliseconds(runs, () => prepared.Model.Validate()));
            Report(size, "emission", Timing.MedianMilliseconds(runs, () => StackArtefacts.Create(prepared.Model)));
            // A fresh parse for each run that involves the SDK: a clone keeps the tree, and the evaluation cache would answer.
            Report(size, "generator only", Timing.MedianMilliseconds(runs, prepared.Fresh, compilation =>
                CSharpGeneratorDriver.Create(new StackArtefactGenerator().AsSourceGenerator()).RunGenerators(compilation)));
            Report(size, "analyzers only", Timing.MedianMilliseconds(runs, prepared.Fresh, compilation =>
                compilation.WithAnalyzers(PreparedStack.Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()));
            Report(size, "end to end", Timing.MedianMilliseconds(runs, prepared.Fresh, compilation => PreparedStack.RunEndToEnd(compilation)));
        }

        Console.WriteLine($"load average after: {Timing.LoadAverage()}");
        return 0;
    }

    private static void Report(int size, string stage, double milliseconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,6} services  {stage,-38} {milliseconds,10:F1} ms"));
}
