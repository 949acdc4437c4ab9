using System.Composition;
using Iklim.StackSdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Iklim.StackSdk.CodeFixes.Fixes;

/// <summary>
/// IKS0112: drops the literal default of the flagged <c>Environment</c> call's value when the value is
/// <c>Env.Var(name, default)</c>, so that the deploy must set the variable. Other values (a literal
/// <c>"${X:-admin}"</c>, a concatenation) are left to the author: their text says more than the variable.
/// </summary>
/// <example><code>
/// .Environment("GF_SECURITY_ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD", "admin"))   // becomes
/// .Environment("GF_SECURITY_ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD"))
/// </code></example>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretDefaultInVariableFixer))]
[Shared]
public sealed class SecretDefaultInVariableFixer : StackCallFixer
{
    /// <summary>The equivalence key of "Drop the default".</summary>
    public const string DropDefaultKey = RuleIdentifiers.SecretDefaultInVariable + ".DropDefault";

    private const string EnvMetadataName = "Iklim.StackSdk.Env";

    /// <summary>The fixer of IKS0112.</summary>
    public SecretDefaultInVariableFixer()
        : base(RuleIdentifiers.SecretDefaultInVariable)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, FlaggedCall call, SemanticModel model)
    {
        if (call.Name != "Environment"
            || call.Invocation.ArgumentList.Arguments.Count != 2
            || call.Invocation.ArgumentList.Arguments[1].Expression is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 2 } envVar
            || model.GetSymbolInfo(envVar, context.CancellationToken).Symbol is not IMethodSymbol { Name: "Var" } method
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, model.Compilation.GetTypeByMetadataName(EnvMetadataName)))
        {
            return;
        }

        var arguments = envVar.ArgumentList.Arguments;
        var withoutDefault = envVar.WithArgumentList(envVar.ArgumentList.WithArguments(arguments.RemoveAt(1)));
        context.RegisterCodeFix(
            CodeAction.Create("Drop the default", cancellationToken => ReplaceAsync(context.Document, envVar, withoutDefault, cancellationToken), DropDefaultKey),
            diagnostic);
    }
}
