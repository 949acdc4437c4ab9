using System;
using System.Composition;
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
/// IKS0103, two fixes for the two halves of the problem:
/// <list type="bullet">
/// <item>"Run one task" when the finding points at <c>Replicas(n)</c> (the argument becomes <c>1</c>) or at
/// <c>Global()</c> (the call becomes <c>Replicas(1)</c>, which also makes the service replicated);</item>
/// <item>"Remove the conflicting pin" when it points at <c>PinToNode(...)</c> or at a
/// <c>Constraint("node.hostname == ...")</c>/<c>Constraint("node.id == ...")</c>: the call leaves the chain
/// (a statement that was only that call on a builder variable is removed).</item>
/// </list>
/// </summary>
/// <example><code>
/// stack.Service("swag").PinToNode("iklim-app-01").Replicas(2);   // run one task:
/// stack.Service("swag").PinToNode("iklim-app-01").Replicas(1);
/// prod.Service("swag").PinToNode("iklim-app-02");                // remove the conflicting pin:
/// prod.Service("swag");
/// </code></example>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DuplicatePinnedSingletonFixer))]
[Shared]
public sealed class DuplicatePinnedSingletonFixer : StackCallFixer
{
    /// <summary>The equivalence key of "Run one task".</summary>
    public const string RunOneTaskKey = RuleIdentifiers.DuplicatePinnedSingleton + ".RunOneTask";

    /// <summary>The equivalence key of "Remove the conflicting pin".</summary>
    public const string RemovePinKey = RuleIdentifiers.DuplicatePinnedSingleton + ".RemovePin";

    /// <summary>The fixer of IKS0103.</summary>
    public DuplicatePinnedSingletonFixer()
        : base(RuleIdentifiers.DuplicatePinnedSingleton)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, FlaggedCall call, SemanticModel model)
    {
        if (OneTask(call) is { } oneTask)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Run one task", cancellationToken => ReplaceAsync(context.Document, call.Invocation, oneTask, cancellationToken), RunOneTaskKey),
                diagnostic);
        }

        if (IsPin(call, model, context.CancellationToken) && CanRemove(call.Invocation))
        {
            context.RegisterCodeFix(
                CodeAction.Create("Remove the conflicting pin", cancellationToken => RemoveAsync(context.Document, call.Invocation, cancellationToken), RemovePinKey),
                diagnostic);
        }
    }

    // `Replicas(n)` with n other than the literal 1 becomes `Replicas(1)`; `Global()` becomes `Replicas(1)`.
    private static InvocationExpressionSyntax? OneTask(FlaggedCall call)
    {
        var one = ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(1)))));
        switch (call.Name)
        {
            case "Replicas" when call.Invocation.ArgumentList.Arguments.Count == 1:
                var argument = call.Invocation.ArgumentList.Arguments[0];
                if (argument.Expression is LiteralExpressionSyntax { Token.Value: 1 })
                {
                    return null;
                }

                return call.Invocation.ReplaceNode(argument.Expression, one.Arguments[0].Expression.WithTriviaFrom(argument.Expression));
            case "Global" when call.Invocation.ArgumentList.Arguments.Count == 0:
                var name = IdentifierName("Replicas").WithTriviaFrom(call.MemberAccess.Name);
                return call.Invocation
                    .WithExpression(call.MemberAccess.WithName(name))
                    .WithArgumentList(one.WithTriviaFrom(call.Invocation.ArgumentList));
            default:
                return null;
        }
    }

    private static bool IsPin(FlaggedCall call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Name == "PinToNode")
        {
            return true;
        }

        if (call.Name != "Constraint" || call.Invocation.ArgumentList.Arguments.Count != 1
            || model.GetConstantValue(call.Invocation.ArgumentList.Arguments[0].Expression, cancellationToken).Value is not string constraint)
        {
            return false;
        }

        var equals = constraint.IndexOf("==", StringComparison.Ordinal);
        var key = equals < 0 ? string.Empty : constraint.Substring(0, equals).Trim();
        return key is "node.hostname" or "node.id";
    }

    // Without the call, what remains must still be a valid expression or statement.
    private static bool CanRemove(InvocationExpressionSyntax invocation) =>
        ((MemberAccessExpressionSyntax)invocation.Expression).Expression is InvocationExpressionSyntax
        || invocation.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax };

    private static async Task<Document> RemoveAsync(Document document, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        var fixedRoot = receiver is InvocationExpressionSyntax
            ? root!.ReplaceNode(invocation, receiver.WithTrailingTrivia(invocation.GetTrailingTrivia()))
            : root!.RemoveNode(invocation.Parent!, SyntaxRemoveOptions.KeepNoTrivia);
        return document.WithSyntaxRoot(fixedRoot!);
    }
}
