using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// Members the compiler writes for records, tuples and every object (<c>ToString</c>, <c>Equals</c>,
/// <c>Deconstruct</c>) that have no source to follow: evaluated by their C# definition.
/// </summary>
internal static class RecordMembers
{
    public static bool TryInvoke(OperationInterpreter interpreter, IMethodSymbol method, object? receiver, object?[] arguments, IOperation at, out object? result)
    {
        result = null;
        var synthesized = method.IsImplicitlyDeclared || method.ContainingType.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType
            || method.ContainingType.IsTupleType;
        if (!synthesized)
        {
            return false;
        }

        switch (method.Name)
        {
            case "ToString" when arguments.Length == 0:
                result = interpreter.ToText(receiver, at);
                return true;
            case "Equals" when arguments.Length == 1:
                result = Equals(receiver, arguments[0]);
                return true;
            case "Deconstruct" when receiver is ObjectValue record && interpreter.PositionalParameters(record.Type) is { } parameters && parameters.Length == arguments.Length:
                for (var i = 0; i < parameters.Length; i++)
                {
                    arguments[i] = record.Fields.TryGetValue(interpreter.PositionalProperty(record.Type, parameters[i]), out var value) ? value : null;
                }

                return true;
            default:
                return false;
        }
    }

    public static bool TryRead(IPropertySymbol property, object? instance, out object? value)
    {
        value = null;
        if (instance is ObjectValue record && property.IsImplicitlyDeclared && record.Fields.TryGetValue(property, out value))
        {
            return true;
        }

        return false;
    }
}
