using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// Conventions libraries: compiled assemblies marked <c>[assembly: StackConventions]</c>, into which the SDK's
/// generator wrote their own source as <c>[assembly: StackConventionsSource(path, text)]</c> attributes. The source is
/// read back from metadata (no file IO, no assembly loading: it works the same in the build, the IDE and from a
/// NuGet package) and compiled beside the stack project, against its references, so the interpreter can follow calls
/// into it as into the stack project's own code.
/// </summary>
internal static class ConventionLibraries
{
    /// <summary>The metadata name of the opt-in attribute.</summary>
    public const string ConventionsAttributeName = "Iklim.StackSdk.StackConventionsAttribute";

    /// <summary>The metadata name of the attribute that carries one source file.</summary>
    public const string SourceAttributeName = "Iklim.StackSdk.StackConventionsSourceAttribute";

    private static readonly ConditionalWeakTable<IAssemblySymbol, Holder> Libraries = new();

    private static readonly ConditionalWeakTable<SyntaxTree, Compilation> Owners = new();

    /// <summary>The source compilation of <paramref name="assembly"/>, when it is an opted-in conventions library with its source.</summary>
    public static ConventionLibrary? For(Compilation stackProject, IAssemblySymbol assembly) =>
        Libraries.GetValue(assembly, a => new Holder(Create(stackProject, a))).Library;

    /// <summary>True when the assembly opted in but its source did not travel with it (built without the SDK's generator).</summary>
    public static bool OptedInWithoutSource(IAssemblySymbol assembly) =>
        assembly.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ConventionsAttributeName)
        && !assembly.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SourceAttributeName);

    /// <summary>The semantic model of a tree of a conventions library's source, or null.</summary>
    public static SemanticModel? ModelFor(SyntaxTree tree) => Owners.TryGetValue(tree, out var owner) ? SourceBodies.ModelFor(owner, tree) : null;

    private static ConventionLibrary? Create(Compilation stackProject, IAssemblySymbol assembly)
    {
        var attributes = assembly.GetAttributes();
        if (!attributes.Any(a => a.AttributeClass?.ToDisplayString() == ConventionsAttributeName))
        {
            return null;
        }

        var options = stackProject.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default;
        var trees = attributes
            .Where(a => a.AttributeClass?.ToDisplayString() == SourceAttributeName && a.ConstructorArguments.Length == 2)
            .Select(a => CSharpSyntaxTree.ParseText(
                a.ConstructorArguments[1].Value as string ?? string.Empty,
                options,
                path: assembly.Name + "/" + (a.ConstructorArguments[0].Value as string ?? "source.cs")))
            .ToList();
        if (trees.Count == 0)
        {
            return null;
        }

        var own = stackProject.GetMetadataReference(assembly);
        var references = stackProject.References.Where(r => !ReferenceEquals(r, own));
        var compilationOptions = stackProject.Options is CSharpCompilationOptions csharp
            ? csharp.WithOutputKind(OutputKind.DynamicallyLinkedLibrary)
            : new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        var compilation = CSharpCompilation.Create(assembly.Name + ".Source", trees, references, compilationOptions);
        foreach (var tree in trees)
        {
            Owners.Add(tree, compilation);
        }

        return new ConventionLibrary(compilation);
    }

    private sealed class Holder
    {
        public Holder(ConventionLibrary? library) => Library = library;

        public ConventionLibrary? Library { get; }
    }
}

/// <summary>A conventions library compiled from the source it carries.</summary>
internal sealed class ConventionLibrary
{
    public ConventionLibrary(Compilation compilation) => Compilation = compilation;

    public Compilation Compilation { get; }
}
