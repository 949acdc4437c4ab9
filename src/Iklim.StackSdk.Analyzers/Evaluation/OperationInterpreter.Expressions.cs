using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>Expressions: values, operators, conversions, strings, collections, assignments.</summary>
internal sealed partial class OperationInterpreter
{
    private object? Evaluate(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue)
        {
            return EnumOf(operation.Type, operation.ConstantValue.Value);
        }

        EnsureStack();
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
            case IFieldReferenceOperation field:
                return ReadField(field);
            case IPropertyReferenceOperation property:
                return ReadProperty(property);
            case IInstanceReferenceOperation instance:
                return instance.ReferenceKind is InstanceReferenceKind.ImplicitReceiver or InstanceReferenceKind.PatternInput ? _implicitReceivers.Peek() : _frame.Instance;
            case IInterpolatedStringOperation interpolated:
                return EvaluateInterpolatedString(interpolated);
            case IBinaryOperation binary:
                return EvaluateBinary(binary);
            case IUnaryOperation unary:
                return EvaluateUnary(unary);
            case IConditionalOperation conditional:
                return Evaluate(conditional.Condition) switch
                {
                    true => Evaluate(conditional.WhenTrue),
                    false when conditional.WhenFalse is not null => Evaluate(conditional.WhenFalse),
                    _ => Unknown.Value,
                };
            case ICoalesceOperation coalesce:
                var left = Evaluate(coalesce.Value);
                return left is null ? Evaluate(coalesce.WhenNull) : left;
            case IConditionalAccessOperation access:
                return EvaluateConditionalAccess(access);
            case IConditionalAccessInstanceOperation:
                return _conditionalReceivers.Peek();
            case IArrayCreationOperation array:
                return EvaluateArray(array);
            case IArrayElementReferenceOperation element:
                return ReadElement(element);
            case ICollectionExpressionOperation collection:
                return EvaluateCollection(collection);
            case IObjectCreationOperation creation:
                return EvaluateObjectCreation(creation);
            case IAnonymousObjectCreationOperation anonymous:
                return EvaluateAnonymousObject(anonymous);
            case IWithOperation with:
                return EvaluateWith(with);
            case ITupleOperation tuple:
                return new TupleValue(tuple.Elements.Select(e => Stored(Evaluate(e))).ToArray());
            case IDelegateCreationOperation delegateCreation:
                return Evaluate(delegateCreation.Target);
            case IAnonymousFunctionOperation function:
                return new Closure(function.Symbol, function.Body, _frame, _frame.Instance, _callers.ToArray());
            case IMethodReferenceOperation method:
                return MethodGroup(method);
            case IDefaultValueOperation:
                return DefaultOf(operation.Type);
            case ILiteralOperation:
                return null;
            case IIsPatternOperation isPattern:
                var tested = Evaluate(isPattern.Value);
                return tested is Unknown ? Unknown.Value : Match(tested, isPattern.Pattern);
            case IIsTypeOperation isType:
                var value = Evaluate(isType.ValueOperand);
                return value is Unknown ? Unknown.Value : IsOfType(value, isType.TypeOperand) != isType.IsNegated;
            case ISwitchExpressionOperation switchExpression:
                return EvaluateSwitchExpression(switchExpression);
            case ISimpleAssignmentOperation assignment:
                var assigned = Stored(Evaluate(assignment.Value));
                Assign(assignment.Target, assigned);
                return assigned;
            case ICompoundAssignmentOperation compound:
                return EvaluateCompoundAssignment(compound);
            case ICoalesceAssignmentOperation coalesceAssignment:
                var current = Evaluate(coalesceAssignment.Target);
                if (current is not null)
                {
                    return current;
                }

                var replacement = Stored(Evaluate(coalesceAssignment.Value));
                Assign(coalesceAssignment.Target, replacement);
                return replacement;
            case IIncrementOrDecrementOperation increment:
                return EvaluateIncrement(increment);
            case IDeconstructionAssignmentOperation deconstruction:
                var whole = Evaluate(deconstruction.Value);
                Assign(deconstruction.Target, whole);
                return whole;
            case IDeclarationExpressionOperation declaration:
                return Evaluate(declaration.Expression);
            case IDiscardOperation:
                return null;
            case INameOfOperation nameOf:
                return nameOf.ConstantValue.Value;
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand);
            case IThrowOperation @throw:
                throw Stop(operation, Thrown(@throw.Exception));
            case IInvalidOperation:
                throw InvalidCode();
            default:
                return NotEvaluable(operation, $"{Describe(operation)} cannot be evaluated at compile time; {Advice}.");
        }
    }

    private readonly Stack<object?> _implicitReceivers = new();
    private readonly Stack<object?> _conditionalReceivers = new();

    private object? ReadVariable(IOperation reference, ISymbol symbol)
    {
        if (_frame.TryRead(symbol, out var value))
        {
            return value;
        }

        // A primary constructor's parameter, read from a member: it lives on the instance.
        if (symbol is IParameterSymbol && _frame.Instance is ObjectValue instance && instance.Fields.TryGetValue(symbol, out value))
        {
            return value;
        }

        return NotEvaluable(reference, $"'{symbol.Name}' has no value the build can know at compile time; {Advice}.");
    }

    private object? EvaluateConditionalAccess(IConditionalAccessOperation access)
    {
        var receiver = Evaluate(access.Operation);
        if (receiver is Unknown)
        {
            return Unknown.Value;
        }

        if (receiver is null)
        {
            return null;
        }

        _conditionalReceivers.Push(receiver);
        try
        {
            return Evaluate(access.WhenNotNull);
        }
        finally
        {
            _conditionalReceivers.Pop();
        }
    }

    private object? EvaluateConversion(IConversionOperation conversion)
    {
        if (!conversion.Conversion.Exists)
        {
            throw InvalidCode();
        }

        if (conversion.OperatorMethod is { } method)
        {
            var operand = Evaluate(conversion.Operand);
            return operand is Unknown ? Unknown.Value : CallMethod(conversion, method, null, new[] { operand });
        }

        var value = Evaluate(conversion.Operand);
        if (value is Unknown or null || conversion.Type is null)
        {
            return value;
        }

        if (value is EnumValue enumValue && !IsEnumType(conversion.Type))
        {
            value = enumValue.Value;
            if (conversion.Type.SpecialType is SpecialType.System_Object or SpecialType.System_Enum or SpecialType.System_ValueType || conversion.Type.TypeKind == TypeKind.Interface)
            {
                return enumValue;
            }
        }

        var target = UnderlyingOf(conversion.Type);
        var source = conversion.Operand.Type is null ? SpecialType.None : UnderlyingOf(conversion.Operand.Type).SpecialType;
        if (Arithmetic.IsNumeric(target.SpecialType) && (Arithmetic.IsNumeric(source) || value is IConvertible && value is not string))
        {
            try
            {
                return EnumOf(conversion.Type, Arithmetic.Convert(value is EnumValue e ? e.Value : value, target.SpecialType, conversion.IsChecked));
            }
            catch (OverflowException)
            {
                throw Stop(conversion, $"'{Text(conversion)}' overflows in a checked context; the program would throw OverflowException here.");
            }
        }

        return value;
    }

    /// <summary>A number of an enum type as an <see cref="EnumValue"/>; any other value as it is.</summary>
    private static object? EnumOf(ITypeSymbol? type, object? value)
    {
        if (value is null || value is EnumValue || !IsEnumType(type))
        {
            return value;
        }

        var enumType = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type!;
        return new EnumValue(enumType, value);
    }

    private static bool IsEnumType(ITypeSymbol? type) =>
        (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type)?.TypeKind == TypeKind.Enum;

    private static object? Number(object? value) => value is EnumValue e ? e.Value : value;

    /// <summary>The type arithmetic works on: an enum's underlying type, a nullable's value type.</summary>
    private static ITypeSymbol UnderlyingOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } ? underlying : type;
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
                    var formatted = Format(value, hole.Expression.Type, format, hole.Expression);
                    if (formatted is Unknown)
                    {
                        return Unknown.Value;
                    }

                    var written = (string)formatted!;
                    if (hole.Alignment is not null && Evaluate(hole.Alignment) is int alignment)
                    {
                        written = alignment < 0 ? written.PadRight(-alignment) : written.PadLeft(alignment);
                    }

                    text.Append(written);
                    break;
                case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation call }:
                    // An interpolated string handler (string.Create): AppendLiteral(text) or AppendFormatted(value, alignment, format).
                    if (call.TargetMethod.Name == "AppendLiteral")
                    {
                        text.Append(call.Arguments.Length > 0 ? Evaluate(call.Arguments[0].Value) as string : null);
                        break;
                    }

                    var appended = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
                    if (appended is null)
                    {
                        return NotEvaluable(part, $"{Describe(part)} cannot be evaluated at compile time; {Advice}.");
                    }

                    var appendedValue = Evaluate(appended.Value);
                    var appendedFormat = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format" && a.ArgumentKind != ArgumentKind.DefaultValue) is { } formatArgument ? Evaluate(formatArgument.Value) as string : null;
                    var appendedText = appendedValue is Unknown ? Unknown.Value : Format(appendedValue, appended.Value.Type, appendedFormat, appended.Value);
                    if (appendedText is not string appendedString)
                    {
                        return Unknown.Value;
                    }

                    if (call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "alignment" && a.ArgumentKind != ArgumentKind.DefaultValue) is { } alignmentArgument && Evaluate(alignmentArgument.Value) is int width)
                    {
                        appendedString = width < 0 ? appendedString.PadRight(-width) : appendedString.PadLeft(width);
                    }

                    text.Append(appendedString);
                    break;
                default:
                    return NotEvaluable(part, $"{Describe(part)} cannot be evaluated at compile time; {Advice}.");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>string.Create(CultureInfo.InvariantCulture, $"...")</c> and <c>FormattableString.Invariant($"...")</c>: the
    /// interpolation formats with the invariant culture, fractions included.
    /// </summary>
    private object? EvaluateInvariantInterpolation(IOperation interpolation)
    {
        var saved = _invariantFormatting;
        _invariantFormatting = true;
        try
        {
            return interpolation switch
            {
                IInterpolatedStringHandlerCreationOperation handler => Evaluate(handler.Content),
                IConversionOperation { Operand: IInterpolatedStringOperation inner } => EvaluateInterpolatedString(inner),
                _ => Evaluate(interpolation),
            };
        }
        finally
        {
            _invariantFormatting = saved;
        }
    }

    /// <summary>True inside an interpolation the program formats with the invariant culture.</summary>
    private bool _invariantFormatting;

    /// <summary>
    /// A value as string interpolation or concatenation writes it. Numbers format with the invariant culture;
    /// fractions without an explicit culture are refused, because at runtime they follow the machine's culture (0,5 in tr-TR).
    /// </summary>
    private object? Format(object? value, ITypeSymbol? type, string? format, IOperation at)
    {
        if (value is EnumValue enumValue)
        {
            return format is null ? enumValue.ToString() : Format(enumValue.Value, null, format, at);
        }

        switch (value)
        {
            case null:
                return string.Empty;
            case string text:
                return text;
            case bool flag when format is null:
                return flag ? "True" : "False";
            case char character when format is null:
                return character.ToString();
            case double or float or decimal when _invariantFormatting:
                return ((IFormattable)value).ToString(format, CultureInfo.InvariantCulture);
            case double or float or decimal:
                return NotEvaluable(at, $"'{Text(at)}' formats a fraction with the machine's culture (0,5 under tr-TR), so the artefacts would differ between machines; use .ToString(\"{format ?? "0.##"}\", CultureInfo.InvariantCulture).");
            case IFormattable formattable when value is not ObjectValue:
                return formattable.ToString(format, CultureInfo.InvariantCulture);
            case ObjectValue or TupleValue when format is null:
                return ToText(value, at);
        }

        return NotEvaluable(at, $"'{Text(at)}' cannot be formatted at compile time; {Advice}.");
    }

    private object? EvaluateBinary(IBinaryOperation binary)
    {
        if (binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
        {
            var first = Evaluate(binary.LeftOperand);
            if (first is not bool leftValue)
            {
                return Unknown.Value;
            }

            if (binary.OperatorKind == BinaryOperatorKind.ConditionalAnd ? !leftValue : leftValue)
            {
                return leftValue;
            }

            return Evaluate(binary.RightOperand);
        }

        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        if (left is Unknown || right is Unknown)
        {
            return Unknown.Value;
        }

        if (binary.OperatorMethod is { } method && !IsBuiltInOperator(method))
        {
            return CallMethod(binary, method, null, new[] { left, right });
        }

        if (left is EnumValue || right is EnumValue)
        {
            // Enum operators work on the numbers; == compares type and number, as C# does.
            if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
            {
                return (binary.OperatorKind == BinaryOperatorKind.Equals) == Equals(left, right);
            }

            var number = BinaryValue(binary, binary.OperatorKind, Number(left), Number(right), UnderlyingOf(binary.LeftOperand.Type!), UnderlyingOf(binary.RightOperand.Type!), binary.IsChecked, binary.IsLifted);
            return EnumOf(binary.Type, number);
        }

        return BinaryValue(binary, binary.OperatorKind, left, right, binary.LeftOperand.Type, binary.RightOperand.Type, binary.IsChecked, binary.IsLifted);
    }

    /// <summary>Operators the compiler represents as methods but that C# defines: string, decimal, delegate, and records' synthesized equality.</summary>
    private static bool IsBuiltInOperator(IMethodSymbol method) =>
        method.ContainingType.SpecialType is SpecialType.System_String or SpecialType.System_Decimal or SpecialType.System_Delegate or SpecialType.System_MulticastDelegate
        || (method.IsImplicitlyDeclared && method.ContainingType.IsRecord);

    private object? BinaryValue(IOperation at, BinaryOperatorKind kind, object? left, object? right, ITypeSymbol? leftType, ITypeSymbol? rightType, bool isChecked, bool isLifted)
    {
        switch (kind)
        {
            case BinaryOperatorKind.Equals or BinaryOperatorKind.ObjectValueEquals:
                return ValueEquals(left, right);
            case BinaryOperatorKind.NotEquals or BinaryOperatorKind.ObjectValueNotEquals:
                return !ValueEquals(left, right);
        }

        if (left is string || right is string || (kind == BinaryOperatorKind.Add && (leftType?.SpecialType == SpecialType.System_String || rightType?.SpecialType == SpecialType.System_String)))
        {
            if (kind != BinaryOperatorKind.Add)
            {
                return NotEvaluable(at, $"'{Text(at)}' cannot be evaluated at compile time; {Advice}.");
            }

            var leftText = Format(left, leftType, null, at);
            var rightText = Format(right, rightType, null, at);
            return leftText is string l && rightText is string r ? l + r : Unknown.Value;
        }

        if (left is null || right is null)
        {
            // Lifted operators: comparisons with null are false, arithmetic is null.
            return isLifted && kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual ? false : null;
        }

        if (kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual)
        {
            return Compare(kind, left, right, leftType);
        }

        try
        {
            var result = Arithmetic.Binary(kind, left, right, leftType is null ? SpecialType.None : UnderlyingOf(leftType).SpecialType, isChecked);
            return result ?? NotEvaluable(at, $"'{Text(at)}' cannot be evaluated at compile time; {Advice}.");
        }
        catch (DivideByZeroException)
        {
            throw Stop(at, $"'{Text(at)}' divides by zero; the program would throw DivideByZeroException here.");
        }
        catch (OverflowException)
        {
            throw Stop(at, $"'{Text(at)}' overflows in a checked context; the program would throw OverflowException here.");
        }
    }

    private bool Compare(BinaryOperatorKind kind, object? left, object? right, ITypeSymbol? type)
    {
        if (left is null || right is null)
        {
            return false;
        }

        var order = Arithmetic.CompareNumbers(left, right);
        return kind switch
        {
            BinaryOperatorKind.LessThan => order < 0,
            BinaryOperatorKind.LessThanOrEqual => order <= 0,
            BinaryOperatorKind.GreaterThan => order > 0,
            BinaryOperatorKind.GreaterThanOrEqual => order >= 0,
            BinaryOperatorKind.Equals => order == 0,
            BinaryOperatorKind.NotEquals => order != 0,
            _ => false,
        };
    }

    /// <summary>C#'s <c>==</c>: ordinal for strings, by value for numbers and records, by reference for classes.</summary>
    private static bool ValueEquals(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (Arithmetic.IsNumber(left) && Arithmetic.IsNumber(right))
        {
            return Arithmetic.CompareNumbers(left, right) == 0;
        }

        return left.Equals(right);
    }

    private object? EvaluateUnary(IUnaryOperation unary)
    {
        var operand = Evaluate(unary.Operand);
        if (operand is Unknown)
        {
            return Unknown.Value;
        }

        if (unary.OperatorMethod is { } method && !IsBuiltInOperator(method))
        {
            return CallMethod(unary, method, null, new[] { operand });
        }

        if (operand is null)
        {
            return null;
        }

        try
        {
            var result = EnumOf(unary.Type, Arithmetic.Unary(unary.OperatorKind, Number(operand)!, unary.IsChecked));
            return result ?? NotEvaluable(unary, $"'{Text(unary)}' cannot be evaluated at compile time; {Advice}.");
        }
        catch (OverflowException)
        {
            throw Stop(unary, $"'{Text(unary)}' overflows in a checked context; the program would throw OverflowException here.");
        }
    }

    private object? EvaluateCompoundAssignment(ICompoundAssignmentOperation compound)
    {
        var current = Evaluate(compound.Target);
        var operand = Evaluate(compound.Value);
        if (current is Unknown || operand is Unknown)
        {
            return Unknown.Value;
        }

        object? result;
        if (compound.OperatorMethod is { } method && !IsBuiltInOperator(method))
        {
            result = CallMethod(compound, method, null, new[] { current, operand });
        }
        else
        {
            var inType = compound.InConversion.IsIdentity ? compound.Target.Type : compound.Value.Type;
            result = current is EnumValue || operand is EnumValue
                ? EnumOf(compound.Target.Type, BinaryValue(compound, compound.OperatorKind, Number(current), Number(operand), UnderlyingOf(compound.Target.Type!), UnderlyingOf(compound.Value.Type!), compound.IsChecked, compound.IsLifted))
                : BinaryValue(compound, compound.OperatorKind, current, operand, compound.Target.Type, compound.Value.Type, compound.IsChecked, compound.IsLifted);
            if (result is not null and not Unknown && inType is not null && compound.Target.Type is { } targetType && Arithmetic.IsNumeric(UnderlyingOf(targetType).SpecialType) && Arithmetic.IsNumber(result))
            {
                result = Arithmetic.Convert(result, UnderlyingOf(targetType).SpecialType, isChecked: false);
            }
        }

        if (result is Unknown)
        {
            return Unknown.Value;
        }

        Assign(compound.Target, result);
        return result;
    }

    private object? EvaluateIncrement(IIncrementOrDecrementOperation increment)
    {
        var current = Evaluate(increment.Target);
        if (current is Unknown || current is null)
        {
            return current;
        }

        var kind = increment.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract;
        var type = UnderlyingOf(increment.Target.Type!).SpecialType;
        object? next;
        try
        {
            next = Arithmetic.Binary(kind, current, Arithmetic.Convert(1, type == SpecialType.System_Char ? SpecialType.System_Int32 : type, false), type == SpecialType.System_Char ? SpecialType.System_Int32 : type, increment.IsChecked);
            if (next is not null)
            {
                next = Arithmetic.Convert(next, type, increment.IsChecked);
            }
        }
        catch (OverflowException)
        {
            throw Stop(increment, $"'{Text(increment)}' overflows in a checked context; the program would throw OverflowException here.");
        }

        if (next is null)
        {
            return NotEvaluable(increment, $"'{Text(increment)}' cannot be evaluated at compile time; {Advice}.");
        }

        Assign(increment.Target, next);
        return increment.IsPostfix ? current : next;
    }

    private object? EvaluateArray(IArrayCreationOperation array)
    {
        if (array.DimensionSizes.Length != 1)
        {
            return NotEvaluable(array, $"Multi-dimensional arrays cannot be evaluated at compile time; use arrays of arrays or lists.");
        }

        var elementType = ((IArrayTypeSymbol)array.Type!).ElementType;
        if (array.Initializer is null)
        {
            if (Evaluate(array.DimensionSizes[0]) is int size && size >= 0)
            {
                return Enumerable.Repeat(DefaultOf(elementType), size).ToArray();
            }

            return NotEvaluable(array, $"'{Text(array)}' has no size the build can know; {Advice}.");
        }

        var items = new object?[array.Initializer.ElementValues.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Stored(Evaluate(array.Initializer.ElementValues[i]));
            if (items[i] is Unknown)
            {
                return Unknown.Value;
            }
        }

        return items;
    }

    private object? ReadElement(IArrayElementReferenceOperation element)
    {
        var array = Evaluate(element.ArrayReference);
        var index = element.Indices.Length == 1 ? Evaluate(element.Indices[0]) : Unknown.Value;
        if (array is Unknown || index is Unknown)
        {
            return Unknown.Value;
        }

        if (array is not Array values || Arithmetic.ToIndex(index) is not int at)
        {
            return NotEvaluable(element, $"'{Text(element)}' cannot be evaluated at compile time; {Advice}.");
        }

        if (at < 0 || at >= values.Length)
        {
            throw Stop(element, $"'{Text(element)}' reads index {at.ToString(CultureInfo.InvariantCulture)} of an array of {values.Length.ToString(CultureInfo.InvariantCulture)}; the program would throw IndexOutOfRangeException here.");
        }

        return values.GetValue(at);
    }

    private object? EvaluateCollection(ICollectionExpressionOperation collection)
    {
        var items = new List<object?>();
        foreach (var element in collection.Elements)
        {
            if (element is ISpreadOperation spread)
            {
                var spreadValue = Evaluate(spread.Operand);
                if (spreadValue is Unknown)
                {
                    return Unknown.Value;
                }

                if (spreadValue is not IEnumerable spreadItems || spreadValue is string or ObjectValue)
                {
                    return NotEvaluable(spread, $"'{Text(spread)}' does not spread a collection the build can know; {Advice}.");
                }

                items.AddRange(spreadItems.Cast<object?>());
                continue;
            }

            var value = Stored(Evaluate(element));
            if (value is Unknown)
            {
                return Unknown.Value;
            }

            items.Add(value);
        }

        return collection.Type switch
        {
            IArrayTypeSymbol => items.ToArray(),
            INamedTypeSymbol { OriginalDefinition.SpecialType: not SpecialType.None } or INamedTypeSymbol { TypeKind: TypeKind.Interface } => items.ToArray(),
            INamedTypeSymbol named when BclMembers.CollectionKind(named) is { } kind => BclMembers.CreateCollection(kind, items),
            _ => NotEvaluable(collection, $"A collection expression that makes a {collection.Type?.ToDisplayString()} cannot be evaluated at compile time; make an array or a List<T>."),
        };
    }

    private object? EvaluateSwitchExpression(ISwitchExpressionOperation switchExpression)
    {
        var value = Evaluate(switchExpression.Value);
        if (value is Unknown)
        {
            return Unknown.Value;
        }

        var outer = _frame;
        try
        {
            foreach (var arm in switchExpression.Arms)
            {
                _frame = new Frame(outer, outer.Instance);
                if (Match(value, arm.Pattern) && (arm.Guard is null || Evaluate(arm.Guard) is true))
                {
                    return Evaluate(arm.Value);
                }
            }
        }
        finally
        {
            _frame = outer;
        }

        throw Stop(switchExpression, $"No arm of '{Text(switchExpression)}' matches {ToText(value, switchExpression)}; the program would throw SwitchExpressionException here.");
    }

    /// <summary>Writes <paramref name="value"/> to what <paramref name="target"/> names.</summary>
    private void Assign(IOperation target, object? value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                if (local.IsDeclaration)
                {
                    _frame.Declare(local.Local, value);
                }
                else
                {
                    _frame.Write(local.Local, value);
                }

                return;
            case IVariableDeclaratorOperation declarator:
                _frame.Declare(declarator.Symbol, value);
                return;
            case IParameterReferenceOperation parameter:
                if (!_frame.TryRead(parameter.Parameter, out _) && _frame.Instance is ObjectValue holder && holder.Fields.ContainsKey(parameter.Parameter))
                {
                    holder.Fields[parameter.Parameter] = value;
                    return;
                }

                _frame.Write(parameter.Parameter, value);
                return;
            case IDiscardOperation:
                return;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value);
                return;
            case ITupleOperation tuple:
                AssignDeconstructed(tuple, value);
                return;
            case IFieldReferenceOperation field:
                WriteField(field, value);
                return;
            case IPropertyReferenceOperation property:
                WriteProperty(property, value);
                return;
            case IArrayElementReferenceOperation element:
                var array = Evaluate(element.ArrayReference);
                var index = element.Indices.Length == 1 ? Arithmetic.ToIndex(Evaluate(element.Indices[0])) : null;
                if (array is Array values && index is int at && at >= 0 && at < values.Length)
                {
                    values.SetValue(value, at);
                    return;
                }

                NotEvaluable(element, $"'{Text(element)}' cannot be assigned at compile time; {Advice}.");
                return;
            case IParenthesizedOperation parenthesized:
                Assign(parenthesized.Operand, value);
                return;
            case IInvalidOperation:
                throw InvalidCode();
            default:
                NotEvaluable(target, $"Assigning to '{Text(target)}' cannot be evaluated at compile time; {Advice}.");
                return;
        }
    }

    private void AssignDeconstructed(ITupleOperation tuple, object? value)
    {
        if (value is Unknown)
        {
            return;
        }

        var parts = Deconstruct(value, tuple.Elements.Length, tuple);
        if (parts is null)
        {
            return;
        }

        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            Assign(tuple.Elements[i], Stored(parts[i]));
        }
    }

    /// <summary>The parts of a tuple, a <c>KeyValuePair</c> or a positional record.</summary>
    private object?[]? Deconstruct(object? value, int count, IOperation at)
    {
        switch (value)
        {
            case TupleValue tuple when tuple.Items.Length == count:
                return tuple.Items;
            case ObjectValue record when PositionalParameters(record.Type) is { } parameters && parameters.Length == count:
                return parameters.Select(p => record.Fields.TryGetValue(PositionalProperty(record.Type, p), out var v) ? v : null).ToArray();
            case DictionaryEntry entry when count == 2:
                return new[] { entry.Key, entry.Value };
        }

        if (value is not null && value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(KeyValuePair<,>) && count == 2)
        {
            var type = value.GetType();
            return new[] { type.GetProperty("Key")!.GetValue(value), type.GetProperty("Value")!.GetValue(value) };
        }

        NotEvaluable(at, $"Deconstructing '{Text(at)}' cannot be evaluated at compile time; deconstruct tuples, KeyValuePairs and positional records.");
        return null;
    }

    /// <summary>Structs are copied when stored, so a copy never aliases the original.</summary>
    private static object? Stored(object? value) => value is ObjectValue { Type.IsValueType: true } structure ? structure.Clone() : value;

    private static object? DefaultOf(ITypeSymbol? type)
    {
        if (type is null || type.IsReferenceType || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
        {
            return null;
        }

        var underlying = UnderlyingOf(type);
        if (type.TypeKind == TypeKind.Enum)
        {
            return EnumOf(type, Arithmetic.Convert(0, underlying.SpecialType, false));
        }

        return underlying.SpecialType switch
        {
            SpecialType.System_Boolean => false,
            SpecialType.System_Char => '\0',
            _ when Arithmetic.IsNumeric(underlying.SpecialType) => Arithmetic.Convert(0, underlying.SpecialType, false),
            _ when type is INamedTypeSymbol { TypeKind: TypeKind.Struct, IsTupleType: true } tuple => new TupleValue(tuple.TupleElements.Select(e => DefaultOf(e.Type)).ToArray()),
            _ when type is INamedTypeSymbol { TypeKind: TypeKind.Struct } structure && structure.DeclaringSyntaxReferences.Length > 0 => new ObjectValue(structure),
            _ => null,
        };
    }
}
