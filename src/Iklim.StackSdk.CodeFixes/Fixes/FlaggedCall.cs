using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.CodeFixes.Fixes;

/// <summary>
/// The DSL call a diagnostic points at. The analyzer reports from the method name to the end of the argument list
/// (<c>Replicas(3)</c> in <c>redis.Replicas(3)</c>); this finds the whole invocation and checks it is a call on the
/// SDK's service builder.
/// </summary>
internal sealed class FlaggedCall
{
    private const string ServiceBuilderMetadataName = "Iklim.StackSdk.IServiceBuilder";

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

    /// <summary>
    /// The call at <paramref name="span"/>, if it is a call of a service builder method (or, with
    /// <paramref name="orHelper"/>, of a helper that returns the service builder: the analyzer reports a finding made
    /// inside a helper at the helper's call); else null.
    /// </summary>
    public static FlaggedCall? Find(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken, bool orHelper = false)
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

        var serviceBuilder = model.Compilation.GetTypeByMetadataName(ServiceBuilderMetadataName);
        if (serviceBuilder is null
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || !(orHelper || SymbolEqualityComparer.Default.Equals(method.ContainingType, serviceBuilder))
            || !SymbolEqualityComparer.Default.Equals(method.ReturnType, serviceBuilder))
        {
            return null;
        }

        return new FlaggedCall(invocation, memberAccess, method);
    }
}
