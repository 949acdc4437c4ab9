using System.Collections.Immutable;
using System.Linq;
using Iklim.StackSdk.Analyzers.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Analyzers.Rules;

/// <summary>
/// Evaluates the <c>Configure</c> method of every <c>[Stack]</c> class and reports IKS0001..IKS0005 and the policy rules IKS0101..IKS0108: code the build
/// cannot evaluate, values the SDK rejects, and the builders' findings at the C# call that caused them; and IKS0115,
/// which only the C# text shows (<see cref="LiteralInterpolationCheck"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StackDefinitionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var stackAttribute = start.Compilation.GetTypeByMetadataName(StackEvaluator.StackAttributeMetadataName);
            var stackBuilder = start.Compilation.GetTypeByMetadataName(StackEvaluator.StackBuilderMetadataName);
            if (stackAttribute is null || stackBuilder is null)
            {
                return;
            }

            // A symbol action, not an operation block action: when the generator already evaluated the stack on this
            // compilation state, the analyzer reuses that and never asks for the operations of Configure, which for a
            // large stack cost about as much as binding it.
            start.RegisterSymbolAction(symbol => AnalyzeStack(symbol, stackAttribute), SymbolKind.NamedType);
            LiteralInterpolationCheck.Register(start);
        });
    }

    private static void AnalyzeStack(SymbolAnalysisContext context, INamedTypeSymbol stackAttribute)
    {
        if (context.Symbol is not INamedTypeSymbol stackClass
            || !stackClass.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, stackAttribute)))
        {
            return;
        }

        var configure = StackEvaluator.FindConfigure(stackClass);
        var implementation = configure?.PartialImplementationPart ?? configure;
        var hasBody = implementation is not null && implementation.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax(context.CancellationToken) is BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null });
        StackEvaluation evaluation;
        if (hasBody)
        {
            evaluation = EvaluationCache.GetOrEvaluate(
                stackClass,
                context.Compilation,
                () => StackEvaluator.Evaluate(stackClass, context.Compilation, context.CancellationToken));
        }
        else if (stackClass.TypeKind == TypeKind.Class
                 && stackClass.DeclaringSyntaxReferences.Any(r => r.GetSyntax(context.CancellationToken) is ClassDeclarationSyntax))
        {
            // No Configure body to evaluate (none declared, abstract, or a partial without its implementation), yet
            // the generator holds the artefacts of this class back with IKS0001: report it here too, so the build
            // says why nothing was written.
            evaluation = StackEvaluator.Evaluate(stackClass, (IOperation?)null, context.CancellationToken);
        }
        else
        {
            return;
        }

        foreach (var problem in evaluation.Problems())
        {
            if (Descriptors.For(problem.Id) is { } descriptor)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.AdditionalLocations, problem.Message));
            }
        }
    }
}
