using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// The bridge to the SDK: DSL calls run on the real runtime builders loaded beside the analyzer, with the origin of
/// the call (the outermost call in <c>Configure</c>, plus the calls in between) handed to them for their findings.
/// </summary>
internal sealed partial class OperationInterpreter
{
    private object? InvokeSdk(IInvocationOperation invocation)
    {
        Step(invocation);
        var method = invocation.TargetMethod;
        object? receiver = null;
        if (!method.IsStatic)
        {
            if (invocation.Instance is null)
            {
                throw InvalidCode();
            }

            receiver = Evaluate(invocation.Instance);
            if (receiver is Unknown)
            {
                return Unknown.Value;
            }

            if (receiver is null)
            {
                return NotEvaluable(invocation.Instance, $"'{Text(invocation.Instance)}' is null here; use the builder returned by stack.Service(...), stack.Network(...) and so on.");
            }
        }

        var arguments = new object?[method.Parameters.Length];
        var known = true;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null)
            {
                throw InvalidCode();
            }

            var value = argument.ArgumentKind == ArgumentKind.DefaultValue ? OmittedArgument.Value : Evaluate(argument.Value);
            known &= value is not Unknown;
            arguments[argument.Parameter.Ordinal] = value;
        }

        // A fluent call whose arguments are unknown still returns its receiver at runtime; going on with it
        // keeps the rest of the chain evaluated instead of reporting a cascade.
        var passThrough = receiver is not null && SymbolEqualityComparer.Default.Equals(method.ReturnType, method.ContainingType) ? receiver : Unknown.Value;
        if (!known)
        {
            return passThrough;
        }

        return InvokeRuntime(invocation, method, receiver, arguments, passThrough);
    }

    private object? InvokeSdkMember(IOperation at, IMethodSymbol method, IOperation? instanceOperation, object?[] arguments)
    {
        var receiver = method.IsStatic || instanceOperation is null ? null : Evaluate(instanceOperation);
        return receiver is Unknown ? Unknown.Value : InvokeRuntime(at, method, receiver, arguments, Unknown.Value);
    }

    private object? InvokeRuntime(IOperation at, IMethodSymbol method, object? receiver, object?[] arguments, object? passThrough)
    {
        var runtime = SdkMethods.Find(method);
        if (runtime is null)
        {
            return NotEvaluable(at, $"'{method.ToDisplayString()}' is not known to this version of the Iklim.StackSdk analyzer; use the same package version for the library and the analyzer.");
        }

        var parameters = SdkMethods.Parameters(method);
        var runtimeArguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            runtimeArguments[i] = ToRuntime(at, arguments[i], parameters[i]);
        }

        var previous = _tracker.Current;
        var inner = ReportLocation(at);
        _tracker.Current = _callers.Count == 0 ? inner : Origin(inner);
        try
        {
            return runtime.Invoke(receiver, runtimeArguments);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is StopEvaluation or OperationCanceledException)
        {
            throw wrapped.InnerException!;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            ReportRejected(at, wrapped.InnerException);
            return passThrough;
        }
        finally
        {
            _tracker.Current = previous;
        }
    }

    private void ReportRejected(IOperation at, Exception exception)
    {
        if (exception is ArgumentException argumentException && at is IInvocationOperation invocation)
        {
            var location = ArgumentLocation(invocation, argumentException.ParamName) ?? CallLocation(invocation);
            Report(RuleIdentifiers.InvalidValue, location, MessageOf(argumentException));
        }
        else
        {
            Report(RuleIdentifiers.InvalidValue, ReportLocation(at), exception is ArgumentException argument ? MessageOf(argument) : $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private object? ToRuntime(IOperation at, object? value, ParameterInfo parameter)
    {
        if (value is OmittedArgument)
        {
            value = parameter.HasDefaultValue ? parameter.DefaultValue : null;
        }

        return ToRuntime(at, value, parameter.ParameterType);
    }

    private object? ToRuntime(IOperation at, object? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        switch (value)
        {
            case null:
                return null;
            case EnumValue enumValue when target.IsEnum:
                return Enum.ToObject(target, enumValue.Value);
            case Closure closure when typeof(Delegate).IsAssignableFrom(target):
                return ToDelegate(at, closure, target);
            case IEnumerable items when target.IsArray && value is not string:
                var elementType = target.GetElementType()!;
                var list = items.Cast<object?>().ToList();
                var result = Array.CreateInstance(elementType, list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    result.SetValue(ToRuntime(at, list[i], elementType), i);
                }

                return result;
            default:
                if (target.IsEnum && value.GetType() != target)
                {
                    return Enum.ToObject(target, value);
                }

                if (target.IsPrimitive && value is IConvertible && value.GetType() != target)
                {
                    return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
                }

                return value;
        }
    }

    private static Location? ArgumentLocation(IInvocationOperation invocation, string? parameterName)
    {
        var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName);
        if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return null;
        }

        if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { IsImplicit: true, Initializer.ElementValues: { Length: > 0 } elements })
        {
            var first = WrittenArgument(invocation, elements[0].Syntax);
            var last = WrittenArgument(invocation, elements[elements.Length - 1].Syntax);
            return Location.Create(invocation.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(first.SpanStart, last.Span.End));
        }

        var written = WrittenArgument(invocation, argument.Syntax);
        return written == invocation.Syntax ? null : written.GetLocation();
    }

    /// <summary>The argument expression as written; an operation's syntax can be narrower (<c>null</c> in <c>null!</c>).</summary>
    private static SyntaxNode WrittenArgument(IInvocationOperation invocation, SyntaxNode syntax)
    {
        var argument = syntax.AncestorsAndSelf().OfType<ArgumentSyntax>().FirstOrDefault();
        return argument?.Parent?.Parent == invocation.Syntax ? argument.Expression : syntax;
    }

    internal IParameterSymbol[]? PositionalParameters(INamedTypeSymbol type) => _sources.PositionalParameters(type);

    internal ISymbol PositionalProperty(INamedTypeSymbol type, IParameterSymbol parameter) => (ISymbol?)_sources.PositionalProperty(type, parameter) ?? parameter;
}
