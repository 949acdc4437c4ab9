using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Iklim.StackSdk.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Iklim.StackSdk.Analyzers.Tests.Evaluation;

/// <summary>
/// A conventions library compiled on its own (with the SDK's generator, as its build would), referenced by a stack
/// project as metadata only: calls into it evaluate from the source it carries, and findings land at the stack's call.
/// </summary>
public sealed class ConventionsLibraryTests
{
    private const string Library = """
        using Iklim.StackSdk;

        [assembly: StackConventions]

        namespace Acme.Conventions;

        public static class Platform
        {
            public const string Network = "acme-net";

            public static IServiceBuilder Web(this IStackScope stack, string name, int replicas) => stack.Service(name)
                .Image("nginx:1.27")
                .Network(Network)
                .Replicas(replicas);

            public static IServiceBuilder Store(this IStackScope stack, string name, int replicas) => stack.Service(name)
                .Image("redis:7.2")
                .Stateful()
                .Network(Network)
                .Replicas(replicas);
        }
        """;

    [Fact]
    public void CallsIntoAnOptedInLibrary_EvaluateFromItsSource_AndFindingsLandAtTheCall()
    {
        var library = CompileLibrary("Acme.Conventions", Library, runGenerator: true);
        var stack = StackWith(library, """
            using Acme.Conventions;
            using Iklim.StackSdk;

            [Stack("acme")]
            public sealed class InfraStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack)
                {
                    stack.Network(Platform.Network).External();
                    stack.Web("web", 2);
                    stack.Store("cache", 3);
                }
            }
            """);

        var evaluation = Evaluate(stack);

        Assert.NotNull(evaluation.Result);
        var model = evaluation.Result!.Model;
        Assert.Equal(new[] { "web", "cache" }, model.Base.Services.Select(s => s.Name).ToArray());
        Assert.Equal(3, model.Base.Service("cache")!.Replicas);
        Assert.Equal("acme-net", Assert.Single(model.Base.Service("web")!.Networks).Name);

        var problem = Assert.Single(evaluation.Problems());
        Assert.Equal("IKS0101", problem.Id);
        var span = problem.Location.GetLineSpan();
        Assert.Equal(("Stack.cs", 10), (span.Path, span.StartLinePosition.Line));
        Assert.Equal("Store(\"cache\", 3)", problem.Location.SourceTree!.GetText().ToString(problem.Location.SourceSpan));
        var inner = Assert.Single(problem.AdditionalLocations);
        Assert.False(inner.IsInSource);
        Assert.Equal(("Acme.Conventions/Platform.cs", 19), (inner.GetLineSpan().Path, inner.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("through Platform.Store(...) at Stack.cs(11,15)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CallsIntoACompiledAssemblyThatDidNotOptIn_AreIks0001NamingIt()
    {
        var library = CompileLibrary("Acme.Plain", Library.Replace("[assembly: StackConventions]", string.Empty, StringComparison.Ordinal), runGenerator: true);
        var stack = StackWith(library, """
            using Acme.Conventions;
            using Iklim.StackSdk;

            [Stack("acme")]
            public sealed class InfraStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack) => stack.Web("web", 2);
            }
            """);

        var problem = Assert.Single(Evaluate(stack).Problems());

        Assert.Equal("IKS0001", problem.Id);
        Assert.Contains("the compiled assembly 'Acme.Plain'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("docs/conventions.md", problem.Message, StringComparison.Ordinal);
    }

    private static MetadataReference CompileLibrary(string name, string source, bool runGenerator)
    {
        var compilation = (Compilation)CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: "/src/" + name + "/Platform.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (runGenerator)
        {
            CSharpGeneratorDriver.Create(new StackArtefactGenerator().AsSourceGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out compilation, out var generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);
        }

        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static CSharpCompilation StackWith(MetadataReference library, string source) => CSharpCompilation.Create(
        "StackProject",
        new[] { CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: "Stack.cs") },
        TestReferences.All.Append(library),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static StackEvaluation Evaluate(CSharpCompilation compilation)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return StackEvaluator.Evaluate(compilation.GetTypeByMetadataName("InfraStack")!, tree => compilation.GetSemanticModel(tree), CancellationToken.None);
    }
}
