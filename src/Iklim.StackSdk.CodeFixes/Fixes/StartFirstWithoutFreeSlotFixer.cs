using System.Composition;
using System.Threading;
using Iklim.StackSdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
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
public sealed class StartFirstWithoutFreeSlotFixer : StackCallFixer
{
    /// <summary>The equivalence key of "Use UpdateOrder.StopFirst".</summary>
    public const string UseStopFirstKey = RuleIdentifiers.StartFirstWithoutFreeSlot + ".UseStopFirst";

    private const string UpdateOrderMetadataName = "Iklim.StackSdk.UpdateOrder";
    private const string StartFirst = "StartFirst";
    private const string StopFirst = "StopFirst";

    /// <summary>The fixer of IKS0105.</summary>
    public StartFirstWithoutFreeSlotFixer()
        : base(RuleIdentifiers.StartFirstWithoutFreeSlot)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, FlaggedCall call, SemanticModel model)
    {
        if (call.Name is not ("UpdateConfig" or "RollbackConfig")
            || model.Compilation.GetTypeByMetadataName(UpdateOrderMetadataName) is not { } updateOrder
            || StartFirstName(call, model, updateOrder, context.CancellationToken) is not { } name)
        {
            return;
        }

        var stopFirst = IdentifierName(StopFirst).WithTriviaFrom(name);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Use UpdateOrder.StopFirst",
                cancellationToken => ReplaceAsync(context.Document, name, stopFirst, cancellationToken),
                UseStopFirstKey),
            diagnostic);
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
}
