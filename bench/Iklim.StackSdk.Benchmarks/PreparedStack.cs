using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Generators;
using Iklim.StackSdk.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// Everything a benchmark needs prepared outside the measurement: the parsed compilation (as the tests build it, against
/// Basic.Reference.Assemblies), the runtime model, and the analyzers and generator.
/// </summary>
public sealed class PreparedStack
{
    private static readonly ImmutableArray<MetadataReference> References =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(StackBuilder).Assembly.Location))
            .ToImmutableArray();

    /// <param name="serviceCount">How many services the stack has.</param>
    /// <param name="idiomatic">Compile <see cref="IdiomaticSyntheticStack"/> instead of the literal source; the model is the same.</param>
    public PreparedStack(int serviceCount, bool idiomatic = false)
    {
        Stack = new SyntheticStack(serviceCount);
        _source = idiomatic ? IdiomaticSyntheticStack.Source(serviceCount) : Stack.Source();
        Compilation = Fresh();
        var errors = Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("the synthetic stack does not compile: " + errors[0]);
        }

        Model = RunBuilders().Model;
    }

    private readonly string _source;

    /// <summary>Every analyzer the SDK ships.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        typeof(StackDefinitionAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public SyntheticStack Stack { get; }

    /// <summary>Compiled once so that parsing is outside the measurement; clone it for a cold semantic state.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>
    /// The same source parsed again: a new tree instance, as a cold build has. A clone of <see cref="Compilation"/>
    /// keeps its tree, and the SDK's evaluation cache would answer from an earlier run.
    /// </summary>
    public CSharpCompilation Fresh() => CSharpCompilation.Create(
        "BenchStackProject",
        new[] { CSharpSyntaxTree.ParseText(_source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: "BenchStack.cs") },
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static ImmutableArray<MetadataReference> ReferencesForStacks => References;

    public StackModel Model { get; }

    public StackBuildResult RunBuilders()
    {
        var builder = new StackBuilder("bench", "docker-stack-bench.yml");
        Stack.Configure(builder);
        return builder.Build();
    }

    /// <summary>
    /// What the IDE and the build do for a stack project: run the generator, then every analyzer on the compilation
    /// it produced. Starts from a freshly parsed tree (parsing is inside the measurement), so nothing bound or
    /// evaluated by an earlier run is reused.
    /// </summary>
    public (int GeneratedSources, int Diagnostics) RunEndToEnd() => RunEndToEnd(Fresh());

    /// <summary><see cref="RunEndToEnd()"/> on a compilation prepared outside the measurement.</summary>
    public static (int GeneratedSources, int Diagnostics) RunEndToEnd(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new StackArtefactGenerator().AsSourceGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        var diagnostics = withGenerated.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return (driver.GetRunResult().GeneratedTrees.Length, diagnostics.Length);
    }
}
