using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.Analyzers.Rules;

/// <summary>
/// IKS0115: a <c>${...}</c> typed in a string constant (a literal, a <c>const</c>, the text of an interpolated string)
/// passed to a DSL builder. The model cannot see it: by then it is text like any other, which the build escapes so
/// that the container receives it as written. Reported from the method name to the end of the argument list, where
/// the code fix finds the call.
/// </summary>
internal static class LiteralInterpolationCheck
{
    private static readonly global::Iklim.StackSdk.Rules.RuleDefinition Rule = global::Iklim.StackSdk.Rules.InputRules.LiteralInterpolation.Rule;

    public static void Register(CompilationStartAnalysisContext start)
    {
        if (Descriptors.For(Rule.Id) is not { } descriptor)
        {
            return;
        }

        start.RegisterOperationAction(context => Analyze(context, descriptor), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, DiagnosticDescriptor descriptor)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.ContainingType is not { TypeKind: TypeKind.Interface } type || !SdkMethods.IsSdkAssembly(type.ContainingAssembly)
            || invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            foreach (var text in Constants(argument.Value))
            {
                if (Interpolation.ComposeReference.Match(text) is { Success: true } reference)
                {
                    var body = reference.Groups["body"].Value;
                    var name = body.Substring(0, body.TakeWhile(c => c == '_' || char.IsLetterOrDigit(c)).Count());
                    var suggestion = EnvSource.Call(body, Literal) ?? "Env.Var(" + Literal(name) + ")";
                    var span = TextSpan.FromBounds(access.Name.SpanStart, syntax.ArgumentList.Span.End);
                    var message = Rule.Message(reference.Value, name, suggestion);
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(syntax.SyntaxTree, span), message));
                    return;
                }
            }
        }
    }

    // The string constants an argument is made of, without looking into calls (an Env or helper call has its own).
    private static IEnumerable<string> Constants(IOperation value)
    {
        if (value is IInvocationOperation)
        {
            yield break;
        }

        if (value is ILiteralOperation or IFieldReferenceOperation or ILocalReferenceOperation && value.ConstantValue is { HasValue: true, Value: string text })
        {
            yield return text;
            yield break;
        }

        foreach (var child in value.ChildOperations)
        {
            foreach (var inner in Constants(child))
            {
                yield return inner;
            }
        }
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
