using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Building;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Analyzers.Tests.Infrastructure;

/// <summary>A stack project in memory: compiled against the reference assemblies, then evaluated statically or run.</summary>
internal sealed class StackCompilation
{
    private readonly IReadOnlyDictionary<string, byte[]> _libraries;

    private StackCompilation(CSharpCompilation compilation, IReadOnlyDictionary<string, byte[]> libraries)
    {
        Compilation = compilation;
        _libraries = libraries;
    }

    public CSharpCompilation Compilation { get; }

    public static StackCompilation Create(params string[] sources) => Create(new Dictionary<string, byte[]>(), sources);

    /// <summary>A stack project that also references compiled <paramref name="libraries"/> (assembly name to image).</summary>
    public static StackCompilation Create(IReadOnlyDictionary<string, byte[]> libraries, params string[] sources) =>
        new(
            CSharpCompilation.Create(
                "StackProject",
                sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"Stack{i}.cs")),
                TestReferences.All.Concat(libraries.Values.Select(image => MetadataReference.CreateFromImage(image))),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)),
            libraries);

    /// <summary>samples/IklimProd, with its conventions library.</summary>
    public static StackCompilation Sample(string source) => Create(SampleProject.Libraries, source);

    public IReadOnlyList<Diagnostic> Errors =>
        Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>The diagnostics of the SDK's stack analyzer on this compilation, as the IDE and the build see them.</summary>
    public ImmutableArray<Diagnostic> Analyze(CancellationToken cancellationToken = default) =>
        Compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StackDefinitionAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();

    public INamedTypeSymbol StackClass(string name = "InfraStack") =>
        Compilation.GetTypeByMetadataName(name) ?? throw new InvalidOperationException($"{name} not found");

    public StackEvaluation EvaluateStatically(string name = "InfraStack") =>
        StackEvaluator.Evaluate(StackClass(name), tree => Compilation.GetSemanticModel(tree), CancellationToken.None);

    /// <summary>Emits the assembly, loads it in a collectible context, and runs Configure on the runtime builders.</summary>
    public StackBuildResult RunAtRuntime(string name = "InfraStack") =>
        WithLoadedAssembly(assembly => StackBuilder.Run((IStackDefinition)Activator.CreateInstance(assembly.GetType(name, throwOnError: true)!)!));

    /// <summary>
    /// Emits once and runs Configure of each of <paramref name="names"/> under <paramref name="culture"/> (the current
    /// culture of the calling thread, restored afterwards); a Configure that throws yields its exception instead.
    /// </summary>
    public IReadOnlyList<(StackBuildResult? Result, Exception? Error)> RunAtRuntime(IReadOnlyList<string> names, CultureInfo culture) =>
        WithLoadedAssembly(assembly =>
        {
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = culture;
            try
            {
                return names.Select(name =>
                {
                    try
                    {
                        return ((StackBuildResult?)StackBuilder.Run((IStackDefinition)Activator.CreateInstance(assembly.GetType(name, throwOnError: true)!)!), (Exception?)null);
                    }
                    catch (Exception exception)
                    {
                        return (null, exception);
                    }
                }).ToList();
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        });

    private T WithLoadedAssembly<T>(Func<Assembly, T> run)
    {
        using var image = new MemoryStream();
        var emit = Compilation.Emit(image);
        if (!emit.Success)
        {
            throw new InvalidOperationException("emit failed: " + string.Join("\n", emit.Diagnostics));
        }

        var context = new AssemblyLoadContext("stack-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        context.Resolving += (loading, name) => name.Name is { } library && _libraries.TryGetValue(library, out var bytes) ? loading.LoadFromStream(new MemoryStream(bytes)) : null;
        try
        {
            image.Position = 0;
            return run(context.LoadFromStream(image));
        }
        finally
        {
            context.Unload();
        }
    }
}
