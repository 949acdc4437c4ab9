using System.Collections.Immutable;
using System.Linq;
using Iklim.StackSdk.Analyzers.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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

            start.RegisterOperationBlockAction(block => AnalyzeConfigure(block, stackAttribute, stackBuilder));
            LiteralInterpolationCheck.Register(start);
            start.RegisterSymbolAction(symbol => AnalyzeStackWithoutBody(symbol, stackAttribute), SymbolKind.NamedType);
        });
    }

    /// <summary>
    /// A [Stack] class without a Configure body to evaluate (none declared, abstract, or a partial without its
    /// implementation) has no operation block, yet the generator holds its artefacts back with IKS0001: report it here
    /// too, so the build says why nothing was written.
    /// </summary>
    private static void AnalyzeStackWithoutBody(SymbolAnalysisContext context, INamedTypeSymbol stackAttribute)
    {
        // As the generator sees stacks: class declarations carrying [Stack].
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } stackClass
            || !stackClass.DeclaringSyntaxReferences.Any(r => r.GetSyntax(context.CancellationToken) is ClassDeclarationSyntax)
            || !stackClass.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, stackAttribute)))
        {
            return;
        }

        var configure = StackEvaluator.FindConfigure(stackClass);
        var implementation = configure?.PartialImplementationPart ?? configure;
        if (implementation is not null && implementation.DeclaringSyntaxReferences.Any(r =>
                r.GetSyntax(context.CancellationToken) is BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }))
        {
            return;
        }

        var evaluation = StackEvaluator.Evaluate(stackClass, (IOperation?)null, context.CancellationToken);
        foreach (var problem in evaluation.Problems())
        {
            if (Descriptors.For(problem.Id) is { } descriptor)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.AdditionalLocations, problem.Message));
            }
        }
    }

    private static void AnalyzeConfigure(OperationBlockAnalysisContext context, INamedTypeSymbol stackAttribute, INamedTypeSymbol stackBuilder)
    {
        if (context.OwningSymbol is not IMethodSymbol { Parameters.Length: 1 } method
            || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, stackBuilder)
            || !method.ContainingType.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, stackAttribute))
            || !SymbolEqualityComparer.Default.Equals(StackEvaluator.FindConfigure(method.ContainingType), method.PartialDefinitionPart ?? method))
        {
            return;
        }

        var body = context.OperationBlocks.FirstOrDefault(o => o is IMethodBodyOperation or IBlockOperation);
        if (body is null)
        {
            return;
        }

        var evaluation = StackEvaluator.Evaluate(method.ContainingType, body, context.CancellationToken);
        foreach (var problem in evaluation.Problems())
        {
            if (Descriptors.For(problem.Id) is { } descriptor)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.AdditionalLocations, problem.Message));
            }
        }
    }
}
