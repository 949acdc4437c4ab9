using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// Interprets the IOperation tree of <c>Configure</c>. Values are plain CLR values (strings, numbers, the runtime
/// builder objects); every SDK call is executed on the real builders, so only the control flow is re-implemented
/// here, and only the part of C# that a stack definition needs. Whatever it cannot follow is reported as IKS0001 at
/// the expression; nothing is skipped silently.
/// </summary>
internal sealed class OperationInterpreter
{
    private const string Advice = "use literals, consts, enum members, interpolated strings, arrays, locals assigned once, Env.Var, Swarm.* or foreach over an array";

    /// <summary>How many statements one evaluation may execute: a stack is small, a runaway foreach is not.</summary>
    private const int StatementBudget = 100_000;

    private static readonly MethodInfo CreateActionDefinition =
        typeof(OperationInterpreter).GetMethod(nameof(CreateAction), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly Dictionary<ISymbol, object?> _values = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _reassigned;
    private readonly List<EvaluationDiagnostic> _diagnostics = new();
    private readonly HashSet<EvaluationDiagnostic> _reported = new();
    private readonly CallOriginTracker _tracker;
    private readonly CancellationToken _cancellationToken;
    private int _budget = StatementBudget;

    public OperationInterpreter(IOperation body, CallOriginTracker tracker, CancellationToken cancellationToken)
    {
        _tracker = tracker;
        _cancellationToken = cancellationToken;
        _reassigned = ReassignedLocals(body);
    }

    private enum Flow
    {
        Next,
        Return,
    }

    public IReadOnlyList<EvaluationDiagnostic> Diagnostics => _diagnostics;

    public bool SawInvalidCode { get; private set; }

    public void Bind(ISymbol parameter, object? value) => _values[parameter] = value;

    public void Run(IOperation body) => Execute(body);

    private static HashSet<ISymbol> ReassignedLocals(IOperation body)
    {
        var locals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in body.DescendantsAndSelf())
        {
            var target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                _ => null,
            };

            foreach (var local in LocalsWritten(target))
            {
                locals.Add(local);
            }
        }

        return locals;
    }

    private static IEnumerable<ISymbol> LocalsWritten(IOperation? target) => target switch
    {
        ILocalReferenceOperation local => new[] { local.Local },
        IDeclarationExpressionOperation declaration => LocalsWritten(declaration.Expression),
        ITupleOperation tuple => tuple.Elements.SelectMany(LocalsWritten),
        _ => Enumerable.Empty<ISymbol>(),
    };

    private Flow Execute(IOperation statement)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (--_budget < 0)
        {
            if (_budget == -1)
            {
                Report(RuleIdentifiers.NotEvaluable, KeywordLocation(statement), $"The stack runs more than {StatementBudget.ToString(CultureInfo.InvariantCulture)} statements; the build stops evaluating it here. Iterate over smaller arrays.");
            }

            return Flow.Return;
        }

        try
        {
            return ExecuteCore(statement);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Report(RuleIdentifiers.NotEvaluable, statement.Syntax.GetLocation(), $"The build could not evaluate this statement ({exception.GetType().Name}: {exception.Message}); please report this as an Iklim.StackSdk bug.");
            return Flow.Next;
        }
    }

    private Flow ExecuteCore(IOperation statement)
    {
        switch (statement)
        {
            case IBlockOperation block:
                foreach (var inner in block.Operations)
                {
                    if (Execute(inner) == Flow.Return)
                    {
                        return Flow.Return;
                    }
                }

                return Flow.Next;
            case IExpressionStatementOperation expression:
                Evaluate(expression.Operation);
                return Flow.Next;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer ?? declaration.Initializer;
                        if (initializer is not null)
                        {
                            _values[declarator.Symbol] = Evaluate(initializer.Value);
                        }
                    }
                }

                return Flow.Next;
            case IForEachLoopOperation loop:
                return ExecuteForEach(loop);
            case IConditionalOperation conditional:
                if (conditional.Condition.ConstantValue is { HasValue: true, Value: bool condition })
                {
                    var branch = condition ? conditional.WhenTrue : conditional.WhenFalse;
                    return branch is null ? Flow.Next : Execute(branch);
                }

                if (!IsInvalid(conditional.Condition))
                {
                    Report(RuleIdentifiers.NotEvaluable, conditional.Condition.Syntax.GetLocation(), $"The condition '{Text(conditional.Condition)}' is not known at compile time, so the build cannot tell which branch the stack takes; {Advice}.");
                }

                return Flow.Next;
            case IReturnOperation @return:
                if (@return.ReturnedValue is not null)
                {
                    Evaluate(@return.ReturnedValue);
                }

                return Flow.Return;
            case IEmptyOperation:
            case ILocalFunctionOperation:
                return Flow.Next;
            case IInvalidOperation:
                SawInvalidCode = true;
                return Flow.Next;
            default:
                Report(RuleIdentifiers.NotEvaluable, KeywordLocation(statement), $"{Describe(statement)} cannot be evaluated at compile time; {Advice}.");
                return Flow.Next;
        }
    }

    private Flow ExecuteForEach(IForEachLoopOperation loop)
    {
        if (loop.IsAsynchronous || loop.LoopControlVariable is not IVariableDeclaratorOperation variable)
        {
            Report(RuleIdentifiers.NotEvaluable, KeywordLocation(loop), $"This form of foreach cannot be evaluated at compile time; use 'foreach (var item in new[] {{ ... }})'.");
            return Flow.Next;
        }

        var collection = Evaluate(WithoutConversions(loop.Collection));
        if (collection is Unknown)
        {
            return Flow.Next;
        }

        if (collection is not EvaluatedArray array)
        {
            Report(RuleIdentifiers.NotEvaluable, loop.Collection.Syntax.GetLocation(), $"foreach over '{Text(loop.Collection)}' cannot be evaluated at compile time; iterate over an array or collection literal.");
            return Flow.Next;
        }

        foreach (var item in array.Items)
        {
            _values[variable.Symbol] = item;
            if (Execute(loop.Body) == Flow.Return)
            {
                return Flow.Return;
            }
        }

        return Flow.Next;
    }

    private object? Evaluate(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue.Value;
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation);
            case IConversionOperation conversion:
                return EvaluateConversion(conversion);
            case ILocalReferenceOperation local:
                return ReadVariable(local, local.Local);
            case IParameterReferenceOperation parameter:
                return ReadVariable(parameter, parameter.Parameter);
            case IInterpolatedStringOperation interpolated:
                return EvaluateInterpolatedString(interpolated);
            case IBinaryOperation binary:
                return EvaluateBinary(binary);
            case IArrayCreationOperation array:
                return EvaluateArray(array);
            case ICollectionExpressionOperation collection:
                return EvaluateCollection(collection);
            case IDelegateCreationOperation { Target: IAnonymousFunctionOperation function }:
                return new EvaluatedLambda(function);
            case IAnonymousFunctionOperation function:
                return new EvaluatedLambda(function);
            case IDefaultValueOperation:
                return null;
            case IInvalidOperation:
                SawInvalidCode = true;
                return Unknown.Value;
            case IAssignmentOperation { Target: IDiscardOperation } discard:
                return Evaluate(discard.Value);
            case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target:
                return NotEvaluable(assignment, $"'{target.Local.Name}' is assigned after its declaration; the build only follows locals assigned once, where they are declared.");
            case IConditionalOperation { Condition.ConstantValue.Value: bool condition, WhenFalse: { } whenFalse } conditional:
                return Evaluate(condition ? conditional.WhenTrue : whenFalse);
            default:
                return NotEvaluable(operation, $"{Describe(operation)} cannot be evaluated at compile time; {Advice}.");
        }
    }

    private object? ReadVariable(IOperation reference, ISymbol symbol)
    {
        if (_reassigned.Contains(symbol))
        {
            return NotEvaluable(reference, $"'{symbol.Name}' is assigned after its declaration, so its value is not known at compile time; assign it once, where it is declared.");
        }

        if (_values.TryGetValue(symbol, out var value))
        {
            return value;
        }

        return NotEvaluable(reference, $"'{symbol.Name}' has no value the build can know at compile time; {Advice}.");
    }

    private object? EvaluateConversion(IConversionOperation conversion)
    {
        if (conversion.OperatorMethod is not null)
        {
            return NotEvaluable(conversion, $"'{Text(conversion)}' uses the user-defined conversion {conversion.OperatorMethod.ToDisplayString()}, which the build cannot run.");
        }

        var value = Evaluate(conversion.Operand);
        if (value is Unknown or null || conversion.Type is null)
        {
            return value;
        }

        var target = conversion.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : conversion.Type;
        return IsNumeric(target.SpecialType) && value is IConvertible && IsNumeric(conversion.Operand.Type?.SpecialType ?? SpecialType.None)
            ? Convert.ChangeType(value, NumericType(target.SpecialType), CultureInfo.InvariantCulture)
            : value;
    }

    private object? EvaluateInterpolatedString(IInterpolatedStringOperation interpolated)
    {
        var text = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation literal:
                    text.Append(literal.Text.ConstantValue.Value as string);
                    break;
                case IInterpolationOperation hole:
                    var value = Evaluate(hole.Expression);
                    if (value is Unknown)
                    {
                        return Unknown.Value;
                    }

                    var format = hole.FormatString?.ConstantValue.Value as string;
                    var formatted = Format(value, hole.Expression.Type, format);
                    if (formatted is null)
                    {
                        return NotEvaluable(hole.Expression, $"'{Text(hole.Expression)}' cannot be formatted at compile time; {Advice}.");
                    }

                    if (hole.Alignment?.ConstantValue.Value is int alignment)
                    {
                        formatted = alignment < 0 ? formatted.PadRight(-alignment) : formatted.PadLeft(alignment);
                    }

                    text.Append(formatted);
                    break;
                default:
                    return NotEvaluable(part, $"{Describe(part)} cannot be evaluated at compile time; {Advice}.");
            }
        }

        return text.ToString();
    }

    private static string? Format(object? value, ITypeSymbol? type, string? format)
    {
        if (type?.TypeKind == TypeKind.Enum && value is not null)
        {
            var member = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
            return format is null && member is not null ? member.Name : null;
        }

        return value switch
        {
            null => string.Empty,
            string text => text,
            bool flag => format is null ? flag.ToString() : null,
            char character => format is null ? character.ToString() : null,

            // Fractions format by the current culture at runtime (0,5 in tr-TR): no single value to evaluate.
            double or float or decimal => null,
            IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private object? EvaluateBinary(IBinaryOperation binary)
    {
        if (binary.OperatorMethod is not null && binary.OperatorMethod.ContainingType.SpecialType != SpecialType.System_String)
        {
            return NotEvaluable(binary, $"'{Text(binary)}' uses the user-defined operator {binary.OperatorMethod.ToDisplayString()}, which the build cannot run.");
        }

        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        if (left is Unknown || right is Unknown)
        {
            return Unknown.Value;
        }

        if (binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String)
        {
            var leftText = Format(left, binary.LeftOperand.Type, null);
            var rightText = Format(right, binary.RightOperand.Type, null);
            if (leftText is not null && rightText is not null)
            {
                return leftText + rightText;
            }
        }

        if (binary.Type?.SpecialType == SpecialType.System_Int32 && left is int a && right is int b && !binary.IsChecked)
        {
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Add:
                    return unchecked(a + b);
                case BinaryOperatorKind.Subtract:
                    return unchecked(a - b);
                case BinaryOperatorKind.Multiply:
                    return unchecked(a * b);
            }
        }

        return NotEvaluable(binary, $"'{Text(binary)}' cannot be evaluated at compile time; {Advice}.");
    }

    private object? EvaluateArray(IArrayCreationOperation array)
    {
        var elementType = ((IArrayTypeSymbol)array.Type!).ElementType;
        if (array.DimensionSizes.Length != 1)
        {
            return NotEvaluable(array, $"Multi-dimensional arrays cannot be evaluated at compile time; {Advice}.");
        }

        if (array.Initializer is null)
        {
            if (array.DimensionSizes[0].ConstantValue.Value is int size && size >= 0)
            {
                return new EvaluatedArray(elementType, Enumerable.Repeat(DefaultOf(elementType), size).ToList());
            }

            return NotEvaluable(array, $"'{Text(array)}' has no elements the build can know; {Advice}.");
        }

        return EvaluateElements(elementType, array.Initializer.ElementValues);
    }

    private object? EvaluateCollection(ICollectionExpressionOperation collection)
    {
        if (collection.Type is not IArrayTypeSymbol arrayType)
        {
            return NotEvaluable(collection, $"Only collection expressions that make arrays can be evaluated at compile time; '{Text(collection)}' makes a {collection.Type?.ToDisplayString()}.");
        }

        var items = new List<object?>();
        foreach (var element in collection.Elements)
        {
            if (element is ISpreadOperation spread)
            {
                var spreadValue = Evaluate(WithoutConversions(spread.Operand));
                if (spreadValue is Unknown)
                {
                    return Unknown.Value;
                }

                if (spreadValue is not EvaluatedArray spreadArray)
                {
                    return NotEvaluable(spread, $"'{Text(spread)}' does not spread an array the build can know; {Advice}.");
                }

                items.AddRange(spreadArray.Items);
                continue;
            }

            var value = Evaluate(element);
            if (value is Unknown)
            {
                return Unknown.Value;
            }

            items.Add(value);
        }

        return new EvaluatedArray(arrayType.ElementType, items);
    }

    private object? EvaluateElements(ITypeSymbol elementType, IEnumerable<IOperation> elements)
    {
        var items = new List<object?>();
        var unknown = false;
        foreach (var element in elements)
        {
            var value = Evaluate(element);
            unknown |= value is Unknown;
            items.Add(value);
        }

        return unknown ? Unknown.Value : new EvaluatedArray(elementType, items);
    }

    private object? EvaluateInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!SdkMethods.IsSdkMethod(method))
        {
            return NotEvaluable(invocation, $"'{Text(invocation)}' calls {method.ContainingType?.Name}.{method.Name}, which the build cannot run at compile time; {Advice}.");
        }

        object? receiver = null;
        if (!method.IsStatic)
        {
            if (invocation.Instance is null)
            {
                SawInvalidCode = true;
                return Unknown.Value;
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
                SawInvalidCode = true;
                return Unknown.Value;
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

        var runtime = SdkMethods.Find(method);
        if (runtime is null)
        {
            return NotEvaluable(invocation, $"'{method.ToDisplayString()}' is not known to this version of the Iklim.StackSdk analyzer; use the same package version for the library and the analyzer.");
        }

        var parameters = SdkMethods.Parameters(method);
        var runtimeArguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            runtimeArguments[i] = ToRuntime(arguments[i], parameters[i]);
        }

        var previous = _tracker.Location;
        _tracker.Location = CallLocation(invocation);
        try
        {
            return runtime.Invoke(receiver, runtimeArguments);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null and not OperationCanceledException)
        {
            ReportRejected(invocation, wrapped.InnerException);
            return passThrough;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is OperationCanceledException canceled)
        {
            throw canceled;
        }
        finally
        {
            _tracker.Location = previous;
        }
    }

    private void ReportRejected(IInvocationOperation invocation, Exception exception)
    {
        if (exception is ArgumentException argumentException)
        {
            var location = ArgumentLocation(invocation, argumentException.ParamName) ?? CallLocation(invocation);
            Report(RuleIdentifiers.InvalidValue, location, MessageOf(argumentException));
        }
        else
        {
            Report(RuleIdentifiers.InvalidValue, CallLocation(invocation), $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>The exception's own text, without the parameter suffix the runtime appends.</summary>
    internal static string MessageOf(ArgumentException exception)
    {
        if (exception is ArgumentNullException { ParamName: { } nullName })
        {
            return $"'{nullName}' cannot be null.";
        }

        var message = exception.Message;
        if (exception.ParamName is { } name)
        {
            var suffix = " (Parameter '" + name + "')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message.Substring(0, message.Length - suffix.Length);
            }

            // .NET Framework hosts (Visual Studio) put the parameter on a line of its own.
            var framework = message.IndexOf("\nParameter name:", StringComparison.Ordinal);
            if (framework >= 0)
            {
                message = message.Substring(0, framework).TrimEnd('\r');
            }
        }

        return message;
    }

    private object? ToRuntime(object? value, ParameterInfo parameter)
    {
        if (value is OmittedArgument)
        {
            value = parameter.HasDefaultValue ? parameter.DefaultValue : null;
        }

        return ToRuntime(value, parameter.ParameterType);
    }

    private object? ToRuntime(object? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        switch (value)
        {
            case null:
                return null;
            case EvaluatedLambda lambda when target.IsGenericType && target.GetGenericTypeDefinition() == typeof(Action<>):
                return CreateActionDefinition.MakeGenericMethod(target.GetGenericArguments()[0]).Invoke(this, new object[] { lambda });
            case EvaluatedArray array when target.IsArray:
                var elementType = target.GetElementType()!;
                var result = Array.CreateInstance(elementType, array.Items.Count);
                for (var i = 0; i < array.Items.Count; i++)
                {
                    result.SetValue(ToRuntime(array.Items[i], elementType), i);
                }

                return result;
            default:
                if (target.IsEnum && value.GetType() != target)
                {
                    return Enum.ToObject(target, value);
                }

                if (target.IsPrimitive && value is IConvertible && value.GetType() != target)
                {
                    return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
                }

                return value;
        }
    }

    private Action<T> CreateAction<T>(EvaluatedLambda lambda) => argument =>
    {
        var parameters = lambda.Function.Symbol.Parameters;
        if (parameters.Length == 1)
        {
            _values[parameters[0]] = argument;
        }

        Execute(lambda.Function.Body);
    };

    private object NotEvaluable(IOperation operation, string message)
    {
        if (IsInvalid(operation))
        {
            SawInvalidCode = true;
        }
        else
        {
            Report(RuleIdentifiers.NotEvaluable, operation.Syntax.GetLocation(), message);
        }

        return Unknown.Value;
    }

    private static bool IsInvalid(IOperation operation) =>
        operation.DescendantsAndSelf().Any(o => o is IInvalidOperation || (o.Type?.TypeKind == TypeKind.Error));

    private void Report(string id, Location location, string message)
    {
        // A loop body is evaluated once per item: say the same thing at the same place only once.
        var diagnostic = new EvaluationDiagnostic(id, message, location);
        if (_reported.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>The span the user sees as "the call": from the method name to the end of its argument list.</summary>
    internal static Location CallLocation(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        if (syntax is InvocationExpressionSyntax call)
        {
            var name = call.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => null,
            };
            if (name is not null)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(name.SpanStart, call.Span.End));
            }
        }

        return syntax.GetLocation();
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
            return Location.Create(invocation.Syntax.SyntaxTree, TextSpan.FromBounds(first.SpanStart, last.Span.End));
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

    private static Location KeywordLocation(IOperation statement) => statement.Syntax.GetFirstToken().GetLocation();

    private static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion && !operation.ConstantValue.HasValue)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static string Describe(IOperation operation) => operation switch
    {
        ILoopOperation { LoopKind: LoopKind.For } => "A 'for' loop",
        ILoopOperation { LoopKind: LoopKind.While } => "A 'while' loop",
        ILoopOperation => "This loop",
        ISwitchOperation => "A 'switch' statement",
        ITryOperation => "A 'try' statement",
        IFieldReferenceOperation field => $"The field '{field.Field.Name}' (not a const)",
        IPropertyReferenceOperation property => $"The property '{property.Property.Name}'",
        IObjectCreationOperation creation => $"'new {creation.Type?.Name}(...)'",
        _ => $"'{Text(operation)}'",
    };

    private static string Text(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        var newline = text.IndexOfAny(new[] { '\r', '\n' });
        if (newline >= 0)
        {
            text = text.Substring(0, newline).TrimEnd() + " ...";
        }

        return text.Length > 80 ? text.Substring(0, 77) + "..." : text;
    }

    private static object? DefaultOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Int32 => 0,
        SpecialType.System_Boolean => false,
        _ => null,
    };

    private static bool IsNumeric(SpecialType type) => type is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
        or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
        or SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal;

    private static Type NumericType(SpecialType type) => type switch
    {
        SpecialType.System_Int32 => typeof(int),
        SpecialType.System_Int64 => typeof(long),
        SpecialType.System_Int16 => typeof(short),
        SpecialType.System_Byte => typeof(byte),
        SpecialType.System_SByte => typeof(sbyte),
        SpecialType.System_UInt16 => typeof(ushort),
        SpecialType.System_UInt32 => typeof(uint),
        SpecialType.System_UInt64 => typeof(ulong),
        SpecialType.System_Double => typeof(double),
        SpecialType.System_Single => typeof(float),
        _ => typeof(decimal),
    };
}
