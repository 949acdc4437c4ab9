using BenchmarkDotNet.Attributes;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>Each stage of turning a stack into diagnostics and artefacts, measured on its own, then end to end.</summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class StageBenchmarks
{
    private PreparedStack _prepared = null!;
    private INamedTypeSymbol _stackClass = null!;
    private IOperation _configureBody = null!;

    [Params(100, 1_000, 5_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _prepared = new PreparedStack(Services);
        var compilation = _prepared.Compilation;
        _stackClass = compilation.GetTypeByMetadataName(SyntheticStack.ClassName)!;
        var tree = compilation.SyntaxTrees.Single();
        var configure = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Configure");
        _configureBody = compilation.GetSemanticModel(tree).GetOperation(configure)!;
    }

    /// <summary>The evaluator interpreting the already bound <c>Configure</c>, driving the builders; includes their Build.</summary>
    [Benchmark]
    public StackEvaluation StaticEvaluation() => StackEvaluator.Evaluate(_stackClass, _configureBody, CancellationToken.None);

    /// <summary>The runtime builders running <c>Configure</c>, then Build: builder findings, validation and rules.</summary>
    [Benchmark]
    public int RuntimeBuild() => _prepared.RunBuilders().Findings.Count;

    /// <summary>Validation and policy rules alone, on a built model.</summary>
    [Benchmark]
    public int Rules() => _prepared.Model.Validate().Count;

    /// <summary>The base file, the prod overlay and STACK.md.</summary>
    [Benchmark]
    public int Emission() => StackArtefacts.Create(_prepared.Model).Sum(a => a.Content.Length);

    /// <summary>Generator then every analyzer, on a fresh clone of the parsed compilation (binding included).</summary>
    [Benchmark]
    public int EndToEnd() => _prepared.RunEndToEnd().Diagnostics;
}
