using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.CodeFixes.Fixes;

/// <summary>
/// The DSL call a diagnostic points at. The analyzer reports from the method name to the end of the argument list
/// (<c>Replicas(3)</c> in <c>redis.Replicas(3)</c>); this finds the whole invocation and checks it is a chainable
/// call on one of the SDK's builders (the service builder unless a fixer names others).
/// </summary>
internal sealed class FlaggedCall
{
    /// <summary>The builder most calls are on.</summary>
    public const string ServiceBuilderMetadataName = "Iklim.StackSdk.IServiceBuilder";

    private FlaggedCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax memberAccess, IMethodSymbol method)
    {
        Invocation = invocation;
        MemberAccess = memberAccess;
        Method = method;
    }

    /// <summary>The whole call, receiver included: <c>redis.Replicas(3)</c>.</summary>
    public InvocationExpressionSyntax Invocation { get; }

    /// <summary>The member access of the call: <c>redis.Replicas</c>.</summary>
    public MemberAccessExpressionSyntax MemberAccess { get; }

    /// <summary>The service builder method called.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The name of the method called: <c>Replicas</c>.</summary>
    public string Name => Method.Name;

    /// <summary>The call at <paramref name="span"/>, if it is a call of a method of one of <paramref name="builders"/> that returns that builder; else null.</summary>
    public static FlaggedCall? Find(SyntaxNode root, SemanticModel model, TextSpan span, IReadOnlyList<string> builders, CancellationToken cancellationToken)
    {
        var name = root.FindToken(span.Start).Parent as SimpleNameSyntax;
        if (name?.Parent is not MemberAccessExpressionSyntax memberAccess
            || memberAccess.Name != name
            || memberAccess.Parent is not InvocationExpressionSyntax invocation
            || invocation.Expression != memberAccess
            || invocation.ArgumentList.Span.End != span.End)
        {
            return null;
        }

        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || !builders.Any(b => model.Compilation.GetTypeByMetadataName(b) is { } builder
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, builder)
                && SymbolEqualityComparer.Default.Equals(method.ReturnType, builder)))
        {
            return null;
        }

        return new FlaggedCall(invocation, memberAccess, method);
    }
}
