using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Iklim.StackSdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Iklim.StackSdk.CodeFixes.Fixes;

/// <summary>
/// IKS0105: switches <c>order: UpdateOrder.StartFirst</c> to <c>UpdateOrder.StopFirst</c> in the flagged
/// <c>UpdateConfig</c> or <c>RollbackConfig</c> call. Offered only when that call itself names <c>StartFirst</c>
/// (not when the finding points at the <c>Replicas</c> that filled the last slot).
/// </summary>
/// <example><code>
/// .UpdateConfig(parallelism: 1, order: UpdateOrder.StartFirst)   // becomes
/// .UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst)
/// </code></example>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StartFirstWithoutFreeSlotFixer))]
[Shared]
public sealed class StartFirstWithoutFreeSlotFixer : CodeFixProvider
{
    /// <summary>The equivalence key of "Use UpdateOrder.StopFirst".</summary>
    public const string UseStopFirstKey = "IKS0105.UseStopFirst";

    private const string UpdateOrderMetadataName = "Iklim.StackSdk.UpdateOrder";
    private const string StartFirst = "StartFirst";
    private const string StopFirst = "StopFirst";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.StartFirstWithoutFreeSlot);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var updateOrder = model?.Compilation.GetTypeByMetadataName(UpdateOrderMetadataName);
        if (root is null || model is null || updateOrder is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var call = FlaggedCall.Find(root, model, diagnostic.Location.SourceSpan, context.CancellationToken);
            if (call is null || call.Name is not ("UpdateConfig" or "RollbackConfig") || StartFirstName(call, model, updateOrder, context.CancellationToken) is not { } name)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use UpdateOrder.StopFirst",
                    cancellationToken => UseStopFirstAsync(context.Document, name, cancellationToken),
                    UseStopFirstKey),
                diagnostic);
        }
    }

    // The `StartFirst` identifier passed as the order (`UpdateOrder.StartFirst` or, with `using static`, `StartFirst`).
    private static SimpleNameSyntax? StartFirstName(FlaggedCall call, SemanticModel model, INamedTypeSymbol updateOrder, CancellationToken cancellationToken)
    {
        foreach (var argument in call.Invocation.ArgumentList.Arguments)
        {
            if (model.GetOperation(argument, cancellationToken) is not Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter.Name: "order" })
            {
                continue;
            }

            var name = argument.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name,
                IdentifierNameSyntax identifier => identifier,
                _ => null,
            };
            return name is not null
                && model.GetSymbolInfo(name, cancellationToken).Symbol is IFieldSymbol { Name: StartFirst } field
                && SymbolEqualityComparer.Default.Equals(field.ContainingType, updateOrder)
                ? name
                : null;
        }

        return null;
    }

    private static async Task<Document> UseStopFirstAsync(Document document, SimpleNameSyntax startFirst, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var stopFirst = IdentifierName(StopFirst).WithTriviaFrom(startFirst);
        return document.WithSyntaxRoot(root!.ReplaceNode(startFirst, stopFirst));
    }
}
