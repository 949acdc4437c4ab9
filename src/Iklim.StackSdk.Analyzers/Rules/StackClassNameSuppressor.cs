using System.Collections.Immutable;
using System.Linq;
using Iklim.StackSdk.Analyzers.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Analyzers.Rules;

/// <summary>
/// Suppresses CA1711 ("identifiers should not have incorrect suffix") on <c>[Stack]</c> classes: <c>InfraStack</c>
/// names the Docker stack it describes, not a stack collection, and the template names every stack that way.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StackClassNameSuppressor : DiagnosticSuppressor
{
    /// <summary>The suppression, as <c>dotnet build -v:d</c> and the IDE list it.</summary>
    public static readonly SuppressionDescriptor StackSuffix = new(
        "IKSS1711",
        "CA1711",
        "A [Stack] class is named after the Docker stack it describes; the 'Stack' suffix does not mean a collection here.");

    /// <inheritdoc />
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(StackSuffix);

    /// <inheritdoc />
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var stackAttribute = context.Compilation.GetTypeByMetadataName(StackEvaluator.StackAttributeMetadataName);
        if (stackAttribute is null)
        {
            return;
        }

        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree)
            {
                continue;
            }

            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan);
            var declaration = node.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
            if (declaration is null || !declaration.Identifier.Span.IntersectsWith(diagnostic.Location.SourceSpan))
            {
                continue;
            }

            var symbol = context.GetSemanticModel(tree).GetDeclaredSymbol(declaration, context.CancellationToken);
            if (symbol is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, stackAttribute)))
            {
                context.ReportSuppression(Suppression.Create(StackSuffix, diagnostic));
            }
        }
    }
}
