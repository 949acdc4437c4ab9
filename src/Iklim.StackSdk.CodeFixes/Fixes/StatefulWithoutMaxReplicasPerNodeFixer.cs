using System.Composition;
using System.Linq;
using Iklim.StackSdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Iklim.StackSdk.CodeFixes.Fixes;

/// <summary>
/// IKS0101: appends <c>.MaxReplicasPerNode(1)</c> right after the flagged call (usually <c>Replicas(n)</c>), so the
/// limit lands in the same scope (base or profile) as the setting that made the service a replicated stateful one.
/// </summary>
/// <example><code>
/// prod.Service("rabbitmq").Replicas(3);   // becomes
/// prod.Service("rabbitmq").Replicas(3).MaxReplicasPerNode(1);
/// </code></example>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StatefulWithoutMaxReplicasPerNodeFixer))]
[Shared]
public sealed class StatefulWithoutMaxReplicasPerNodeFixer : StackCallFixer
{
    /// <summary>The equivalence key of "Add .MaxReplicasPerNode(1)".</summary>
    public const string AddMaxReplicasPerNodeKey = RuleIdentifiers.StatefulWithoutMaxReplicasPerNode + ".AddMaxReplicasPerNode";

    private const string MaxReplicasPerNode = "MaxReplicasPerNode";

    /// <summary>The fixer of IKS0101.</summary>
    public StatefulWithoutMaxReplicasPerNodeFixer()
        : base(RuleIdentifiers.StatefulWithoutMaxReplicasPerNode)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, FlaggedCall call, SemanticModel model)
    {
        if (call.Name == MaxReplicasPerNode
            || !call.Method.ContainingType.GetMembers(MaxReplicasPerNode).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 1))
        {
            return;
        }

        var limited = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call.Invocation.WithoutTrailingTrivia(), IdentifierName(MaxReplicasPerNode)),
                ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(1))))))
            .WithTrailingTrivia(call.Invocation.GetTrailingTrivia());
        context.RegisterCodeFix(
            CodeAction.Create(
                "Add .MaxReplicasPerNode(1)",
                cancellationToken => ReplaceAsync(context.Document, call.Invocation, limited, cancellationToken),
                AddMaxReplicasPerNodeKey),
            diagnostic);
    }
}
