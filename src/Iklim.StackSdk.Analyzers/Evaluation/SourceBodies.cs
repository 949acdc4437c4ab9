using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// Finds the code behind a symbol: the operation of a method, accessor, constructor or initializer declared in the
/// compilation, or in a conventions library that ships its source (<see cref="ConventionLibraries"/>). One per
/// evaluation; operations are bound once per symbol.
/// </summary>
internal sealed class SourceBodies
{
    private static int _nullableOptionMissing;

    private readonly Compilation _compilation;
    private readonly Func<SyntaxTree, SemanticModel> _models;
    private readonly Dictionary<ISymbol, IOperation?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, IOperation?> _initializers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, ISymbol> _canonical = new(SymbolEqualityComparer.Default);
    private readonly HashSet<SyntaxTree> _ownTrees;
    private readonly Dictionary<SyntaxNode, TextSpan[]> _errorSpans = new();
    private readonly Dictionary<IOperation, bool> _iterators = new();
    private readonly HashSet<SyntaxTree> _read = new();
    private readonly Dictionary<SyntaxTree, SemanticModel> _modelByTree = new();

    public SourceBodies(Compilation compilation, Func<SyntaxTree, SemanticModel> models)
    {
        _compilation = compilation;
        _models = models;
        _ownTrees = new HashSet<SyntaxTree>(compilation.SyntaxTrees);
    }

    /// <summary>
    /// The symbol whose source the interpreter runs: a member of an opted-in conventions assembly maps to the same
    /// member of its source, compiled beside the stack project; anything else is itself.
    /// </summary>
    public ISymbol Canonical(ISymbol symbol)
    {
        var references = symbol.DeclaringSyntaxReferences;
        if (references.Length > 0)
        {
            Read(references);
            return symbol;
        }

        if (symbol.ContainingAssembly is not { } assembly)
        {
            return symbol;
        }

        if (_canonical.TryGetValue(symbol, out var known))
        {
            return known;
        }

        var mapped = symbol;
        if (ConventionLibraries.For(_compilation, assembly) is { } library && DocumentationCommentId.CreateDeclarationId(symbol) is { } id
            && DocumentationCommentId.GetFirstSymbolForDeclarationId(id, library.Compilation) is { } source)
        {
            mapped = source;
        }

        _canonical[symbol] = mapped;
        return mapped;
    }

    /// <summary>
    /// Every tree whose code the evaluation read: bodies it bound, declarations whose syntax it looked at. An edit
    /// in any of them can change the result (<see cref="EvaluationCache"/>).
    /// </summary>
    public IReadOnlyCollection<SyntaxTree> ReadTrees => _read;

    public bool HasSource(ISymbol symbol)
    {
        var references = symbol.DeclaringSyntaxReferences;
        Read(references);
        return references.Length > 0;
    }

    /// <summary>The body of a method or accessor with source: a block, or the expression of an expression body.</summary>
    public IOperation? BodyOf(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method;
        var references = method.DeclaringSyntaxReferences;
        Read(references);
        if (references.Length == 0)
        {
            return null;
        }

        if (_bodies.TryGetValue(method, out var cached))
        {
            return cached;
        }

        IOperation? body = null;
        foreach (var reference in references)
        {
            var syntax = reference.GetSyntax();
            var operation = syntax is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax or LocalFunctionStatementSyntax
                ? Model(syntax.SyntaxTree).GetOperation(syntax)
                : null;
            body = operation switch
            {
                IMethodBodyBaseOperation methodBody => (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody,
                ILocalFunctionOperation local => (IOperation?)local.Body ?? local.IgnoredBody,
                IBlockOperation block => block,
                { } expression => expression,
                null => null,
            };
            if (body is not null)
            {
                break;
            }
        }

        _bodies[method] = body;
        return body;
    }

    /// <summary>
    /// True when the compiler reports an error inside <paramref name="operation"/> (a half-typed statement, a type
    /// error): the interpreter stops there rather than guess what the code means. The errors of each member are
    /// read once.
    /// </summary>
    public bool HasErrors(IOperation operation)
    {
        var syntax = operation.Syntax;
        var member = syntax.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax) ?? syntax.SyntaxTree.GetRoot();
        if (!_errorSpans.TryGetValue(member, out var spans))
        {
            var model = operation.SemanticModel ?? Model(syntax.SyntaxTree);
            spans = model.GetDiagnostics(member.Span)
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == syntax.SyntaxTree)
                .Select(d => d.Location.SourceSpan)
                .ToArray();
            _errorSpans[member] = spans;
        }

        var span = syntax.Span;
        return spans.Any(error => error.Start >= span.Start && error.Start <= span.End);
    }

    /// <summary>True for the body of an iterator: it yields, outside any lambda or local function it contains. Read once per body.</summary>
    public bool IsIterator(IOperation body)
    {
        if (!_iterators.TryGetValue(body, out var isIterator))
        {
            isIterator = Yields(body);
            _iterators[body] = isIterator;
        }

        return isIterator;
    }

    private static bool Yields(IOperation body)
    {
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation.Kind is OperationKind.YieldReturn or OperationKind.YieldBreak)
            {
                return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (child is not IAnonymousFunctionOperation and not ILocalFunctionOperation)
                {
                    pending.Push(child);
                }
            }
        }

        return false;
    }

    /// <summary>The parts of a constructor: its <c>this(...)</c>/<c>base(...)</c> call, its body, and for a primary constructor the base arguments.</summary>
    public ConstructorParts ConstructorOf(IMethodSymbol constructor)
    {
        Read(constructor.DeclaringSyntaxReferences);
        var syntax = constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        switch (syntax)
        {
            case ConstructorDeclarationSyntax declaration:
                var operation = Model(declaration.SyntaxTree).GetOperation(declaration) as IConstructorBodyOperation;
                return new ConstructorParts(false, operation?.Initializer is IExpressionStatementOperation { Operation: { } call } ? call : operation?.Initializer, (IOperation?)operation?.BlockBody ?? operation?.ExpressionBody, null, ImmutableArray<IOperation>.Empty);
            case TypeDeclarationSyntax type when type.ParameterList is not null:
                var primaryBase = type.BaseList?.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault();
                if (primaryBase is null)
                {
                    return new ConstructorParts(true, null, null, null, ImmutableArray<IOperation>.Empty);
                }

                var model = Model(primaryBase.SyntaxTree);
                var baseConstructor = model.GetSymbolInfo(primaryBase).Symbol as IMethodSymbol;
                var arguments = primaryBase.ArgumentList.Arguments.Select(a => model.GetOperation(a.Expression)).Where(o => o is not null).Select(o => o!).ToImmutableArray();
                return new ConstructorParts(true, null, null, baseConstructor, arguments);
            default:
                return new ConstructorParts(false, null, null, null, ImmutableArray<IOperation>.Empty);
        }
    }

    /// <summary>The initializer of a field or auto-property, or null.</summary>
    public IOperation? InitializerOf(ISymbol member)
    {
        if (_initializers.TryGetValue(member, out var cached))
        {
            return cached;
        }

        IOperation? value = null;
        Read(member.DeclaringSyntaxReferences);
        var syntax = member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        var initializer = syntax switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer,
            PropertyDeclarationSyntax property => property.Initializer,
            _ => null,
        };
        if (initializer is not null)
        {
            value = Model(initializer.SyntaxTree).GetOperation(initializer) switch
            {
                ISymbolInitializerOperation symbolInitializer => symbolInitializer.Value,
                var other => other,
            };
        }

        _initializers[member] = value;
        return value;
    }

    /// <summary>The instance fields and auto-properties of a source type, in declaration order.</summary>
    public IEnumerable<ISymbol> InstanceMembers(INamedTypeSymbol type) => StoredMembers(type).Where(m => !m.IsStatic);

    /// <summary>The static fields and auto-properties of a source type, in declaration order.</summary>
    public IEnumerable<ISymbol> StaticMembers(INamedTypeSymbol type) => StoredMembers(type).Where(m => m.IsStatic && m is not IFieldSymbol { IsConst: true });

    private IEnumerable<ISymbol> StoredMembers(INamedTypeSymbol type)
    {
        Read(type.DeclaringSyntaxReferences);
        return type.GetMembers().Where(m => m switch
        {
        IFieldSymbol field => !field.IsImplicitlyDeclared && field.AssociatedSymbol is null,
            IPropertySymbol property => IsAutoProperty(property) && property.DeclaringSyntaxReferences.Length > 0,
            _ => false,
        });
    }

    /// <summary>True for a property whose value is stored (an auto-property or a record's positional property).</summary>
    public bool IsAutoProperty(IPropertySymbol property)
    {
        if (property.IsIndexer || property.IsAbstract)
        {
            return false;
        }

        Read(property.DeclaringSyntaxReferences);
        var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        return syntax switch
        {
            ParameterSyntax => true,
            PropertyDeclarationSyntax declaration => declaration.ExpressionBody is null
                && declaration.AccessorList is { } accessors && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null),
            _ => false,
        };
    }

    /// <summary>The positional parameters of a record, or null.</summary>
    public IParameterSymbol[]? PositionalParameters(INamedTypeSymbol type)
    {
        Read(type.DeclaringSyntaxReferences);
        var primary = type.InstanceConstructors.FirstOrDefault(c => c.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is TypeDeclarationSyntax);
        return primary?.Parameters.ToArray();
    }

    /// <summary>The property a record's positional parameter defines (or that the record declares itself under its name).</summary>
    public IPropertySymbol? PositionalProperty(INamedTypeSymbol type, IParameterSymbol parameter)
    {
        Read(type.DeclaringSyntaxReferences);
        return type.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic && p.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ParameterSyntax);
    }

    /// <summary>
    /// A location the analyzer may report: one in a tree of this compilation as is, one in a conventions library's
    /// source as a plain file location (Roslyn refuses locations in trees of other compilations).
    /// </summary>
    public Location Reportable(Location location) => Reportable(_ownTrees, location);

    /// <summary>The trees of the compilation: what <see cref="Reportable(HashSet{SyntaxTree}, Location)"/> needs, without holding the compilation.</summary>
    public HashSet<SyntaxTree> OwnTrees => _ownTrees;

    public static Location Reportable(HashSet<SyntaxTree> ownTrees, Location location) =>
        location.SourceTree is { } tree && !ownTrees.Contains(tree)
            ? Location.Create(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : location;

    private void Read(ImmutableArray<SyntaxReference> references)
    {
        foreach (var reference in references)
        {
            _read.Add(reference.SyntaxTree);
        }
    }

    /// <summary>
    /// The semantic model the evaluator binds in: without nullable analysis. The evaluator reads types and symbols,
    /// never nullable annotations or flow states, and for a large method the nullable rewrite of the bound tree costs
    /// more than binding it (BENCHMARKS.md, issue 14). <see cref="HasErrors"/> still asks the compilation, whose
    /// diagnostics include the nullable ones. The option is experimental in Roslyn: a compiler without it gets the
    /// ordinary model.
    /// </summary>
    public static SemanticModel ModelFor(Compilation compilation, SyntaxTree tree)
    {
        if (Volatile.Read(ref _nullableOptionMissing) == 0)
        {
            try
            {
                return WithoutNullableAnalysis(compilation, tree);
            }
            catch (MissingMemberException)
            {
                Volatile.Write(ref _nullableOptionMissing, 1);
            }
        }

        return compilation.GetSemanticModel(tree);
    }

#pragma warning disable RSEXPERIMENTAL001 // see ModelFor: guarded against a compiler that lacks it
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SemanticModel WithoutNullableAnalysis(Compilation compilation, SyntaxTree tree) =>
        compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001

    private SemanticModel Model(SyntaxTree tree)
    {
        _read.Add(tree);
        if (!_modelByTree.TryGetValue(tree, out var model))
        {
            model = _ownTrees.Contains(tree) ? _models(tree) : ConventionLibraries.ModelFor(tree) ?? ModelFor(_compilation, tree);
            _modelByTree[tree] = model;
        }

        return model;
    }
}

/// <summary>What a constructor runs besides its body.</summary>
internal sealed class ConstructorParts
{
    public ConstructorParts(bool isPrimary, IOperation? initializer, IOperation? body, IMethodSymbol? baseConstructor, ImmutableArray<IOperation> baseArguments)
    {
        IsPrimary = isPrimary;
        Initializer = initializer;
        Body = body;
        BaseConstructor = baseConstructor;
        BaseArguments = baseArguments;
    }

    public bool IsPrimary { get; }

    /// <summary>The <c>this(...)</c> or <c>base(...)</c> call of a declared constructor.</summary>
    public IOperation? Initializer { get; }

    public IOperation? Body { get; }

    /// <summary>The base constructor a primary constructor calls, with <see cref="BaseArguments"/>.</summary>
    public IMethodSymbol? BaseConstructor { get; }

    public ImmutableArray<IOperation> BaseArguments { get; }
}
