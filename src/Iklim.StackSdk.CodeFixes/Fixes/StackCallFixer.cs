using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Iklim.StackSdk.CodeFixes.Fixes;

/// <summary>
/// What every fixer of a policy rule shares: it fixes one rule, fix-all is the batch fixer, and each diagnostic is
/// first resolved to the DSL call it points at (<see cref="FlaggedCall"/>); a diagnostic that points at anything
/// else gets no fix. A fixer only decides which fixes a flagged call gets.
/// </summary>
public abstract class StackCallFixer : CodeFixProvider
{
    /// <summary>A fixer of the rule <paramref name="ruleId"/>.</summary>
    protected StackCallFixer(string ruleId)
    {
        FixableDiagnosticIds = ImmutableArray.Create(ruleId);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FlaggedCall.Find(root, model, diagnostic.Location.SourceSpan, Builders, context.CancellationToken) is { } call)
            {
                RegisterFixes(context, diagnostic, call, model);
            }
        }
    }

    /// <summary>The metadata names of the builders whose calls this fixer fixes; the service builder by default.</summary>
    private protected virtual IReadOnlyList<string> Builders { get; } = new[] { FlaggedCall.ServiceBuilderMetadataName };

    /// <summary>Registers the fixes <paramref name="call"/> gets, after checking every condition they need.</summary>
    private protected abstract void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, FlaggedCall call, SemanticModel model);

    /// <summary><paramref name="document"/> with <paramref name="node"/> replaced by <paramref name="replacement"/>.</summary>
    private protected static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceNode(node, replacement));
    }
}
