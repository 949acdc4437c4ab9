using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// What every binding in a compilation depends on besides the bodies it binds: the references, the options, and
/// the declarations of every tree (usings, types, member signatures, constant and enum values), but not member
/// bodies or the initializers of fields and properties. An edit inside a method body elsewhere leaves the shape
/// equal, so it cannot change how a stack's own code binds; a new overload, a new global using or a changed
/// constant anywhere changes it. Computed once per compilation, and once per tree instance.
/// </summary>
internal sealed class CompilationShape : IEquatable<CompilationShape>
{
    /// <summary>
    /// The SDK's generator adds its outputs (the manifest, a conventions library's source) to the compilation the
    /// analyzers see, and Roslyn names their trees after the generator type. They are comments and assembly
    /// attributes that no stack binds to, so leaving them out lets the analyzer find the generator's evaluation.
    /// </summary>
    private const string OwnGeneratorFolder = "Iklim.StackSdk.Generators.StackArtefactGenerator";

    private static readonly ConditionalWeakTable<Compilation, CompilationShape> Shapes = new();

    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<ulong>> TreeHashes = new();

    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CompilationOptions _options;
    private readonly string? _assemblyName;
    private readonly ulong _declarations;

    private CompilationShape(Compilation compilation)
    {
        _references = compilation.ExternalReferences;
        _options = compilation.Options;
        _assemblyName = compilation.AssemblyName;
        var hash = Fnv.Offset;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!IsOwnGeneratedTree(tree))
            {
                hash = Fnv.Add(hash, TreeHashes.GetValue(tree, static t => new StrongBox<ulong>(DeclarationHash(t))).Value);
            }
        }

        _declarations = hash;
    }

    public static CompilationShape Of(Compilation compilation) => Shapes.GetValue(compilation, static c => new CompilationShape(c));

    /// <summary>References compare by instance: Roslyn keeps the instance while the file behind it is unchanged.</summary>
    public bool Equals(CompilationShape? other) =>
        other is not null
        && _declarations == other._declarations
        && string.Equals(_assemblyName, other._assemblyName, StringComparison.Ordinal)
        && _options.Equals(other._options)
        && _references.Length == other._references.Length
        && _references.Zip(other._references, ReferenceEquals).All(same => same);

    public override bool Equals(object? obj) => Equals(obj as CompilationShape);

    public override int GetHashCode() => _declarations.GetHashCode();

    private static bool IsOwnGeneratedTree(SyntaxTree tree) =>
        tree.FilePath.IndexOf(OwnGeneratorFolder, StringComparison.Ordinal) >= 0;

    private static ulong DeclarationHash(SyntaxTree tree)
    {
        var hash = Fnv.Offset;
        foreach (var token in tree.GetRoot().DescendantTokens(IsDeclarationLevel))
        {
            hash = Fnv.Add(hash, (ulong)token.RawKind);
            hash = Fnv.Add(hash, token.Text);
        }

        return hash;
    }

    /// <summary>Whether the tokens under <paramref name="node"/> can change how code in other members binds.</summary>
    private static bool IsDeclarationLevel(SyntaxNode node) => node switch
    {
        BlockSyntax or ArrowExpressionClauseSyntax or GlobalStatementSyntax => false,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => false,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } } => field.Modifiers.Any(SyntaxKind.ConstKeyword),
        _ => true,
    };

    /// <summary>64-bit FNV-1a: stable across processes and cultures, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static class Fnv
    {
        public const ulong Offset = 14695981039346656037UL;

        private const ulong Prime = 1099511628211UL;

        public static ulong Add(ulong hash, ulong value)
        {
            for (var i = 0; i < 8; i++)
            {
                hash = unchecked((hash ^ (value & 0xFF)) * Prime);
                value >>= 8;
            }

            return hash;
        }

        public static ulong Add(ulong hash, string text)
        {
            foreach (var character in text)
            {
                hash = unchecked((hash ^ character) * Prime);
            }

            return unchecked((hash ^ 0xFFFF) * Prime);
        }
    }
}
