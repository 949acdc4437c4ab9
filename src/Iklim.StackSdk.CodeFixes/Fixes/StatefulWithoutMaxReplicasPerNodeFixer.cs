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
/// IKS0101: appends <c>.MaxReplicasPerNode(1)</c> right after the flagged call (usually <c>Replicas(n)</c>, or the
/// helper call that set it), so the limit lands in the same scope (base or profile) as the setting that made the
/// service a replicated stateful one.
/// </summary>
/// <example><code>
/// prod.Service("rabbitmq").Replicas(3);   // becomes
/// prod.Service("rabbitmq").Replicas(3).MaxReplicasPerNode(1);
/// </code></example>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StatefulWithoutMaxReplicasPerNodeFixer))]
[Shared]
public sealed class StatefulWithoutMaxReplicasPerNodeFixer : CodeFixProvider
{
    /// <summary>The equivalence key of "Add .MaxReplicasPerNode(1)".</summary>
    public const string AddMaxReplicasPerNodeKey = "IKS0101.AddMaxReplicasPerNode";

    private const string MaxReplicasPerNode = "MaxReplicasPerNode";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.StatefulWithoutMaxReplicasPerNode);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var call = FlaggedCall.Find(root, model, diagnostic.Location.SourceSpan, context.CancellationToken, orHelper: true);
            if (call is null
                || call.Name == MaxReplicasPerNode
                || !call.Method.ReturnType.GetMembers(MaxReplicasPerNode).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 1))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add .MaxReplicasPerNode(1)",
                    cancellationToken => AddLimitAsync(context.Document, call.Invocation, cancellationToken),
                    AddMaxReplicasPerNodeKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddLimitAsync(Document document, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var limited = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, invocation.WithoutTrailingTrivia(), IdentifierName(MaxReplicasPerNode)),
                ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(1))))))
            .WithTrailingTrivia(invocation.GetTrailingTrivia());
        return document.WithSyntaxRoot(root!.ReplaceNode(invocation, limited));
    }
}
