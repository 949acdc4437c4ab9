using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>Patterns (<c>is</c>, <c>switch</c>), type tests, and how source-declared values print.</summary>
internal sealed partial class OperationInterpreter
{
    private bool Match(object? value, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return ValueEquals(value, Evaluate(constant.Value));
            case IDeclarationPatternOperation declaration:
                var matches = declaration.MatchedType is null ? declaration.MatchesNull || value is not null : IsOfType(value, declaration.MatchedType);
                if (matches && declaration.DeclaredSymbol is { } declared)
                {
                    _frame.Declare(declared, Stored(value));
                }

                return matches;
            case ITypePatternOperation type:
                return IsOfType(value, type.MatchedType);
            case IRelationalPatternOperation relational:
                var bound = Evaluate(relational.Value);
                return value is not null && bound is not Unknown && Compare(relational.OperatorKind, value, bound, relational.Value.Type);
            case INegatedPatternOperation negated:
                return !Match(value, negated.Pattern);
            case IBinaryPatternOperation binary:
                return binary.OperatorKind == BinaryOperatorKind.Or
                    ? Match(value, binary.LeftPattern) || Match(value, binary.RightPattern)
                    : Match(value, binary.LeftPattern) && Match(value, binary.RightPattern);
            case IDiscardPatternOperation:
                return true;
            case IRecursivePatternOperation recursive:
                return MatchRecursive(value, recursive);
            default:
                NotEvaluable(pattern, $"The pattern '{Text(pattern)}' cannot be evaluated at compile time; use constant, type, relational, property and positional patterns.");
                return false;
        }
    }

    private bool MatchRecursive(object? value, IRecursivePatternOperation pattern)
    {
        if (value is null || (pattern.MatchedType is { } type && !IsOfType(value, type)))
        {
            return false;
        }

        if (pattern.DeconstructionSubpatterns.Length > 0)
        {
            var parts = Deconstruct(value, pattern.DeconstructionSubpatterns.Length, pattern);
            if (parts is null)
            {
                return false;
            }

            for (var i = 0; i < parts.Length; i++)
            {
                if (!Match(parts[i], pattern.DeconstructionSubpatterns[i]))
                {
                    return false;
                }
            }
        }

        foreach (var property in pattern.PropertySubpatterns)
        {
            _implicitReceivers.Push(value);
            object? member;
            try
            {
                member = Evaluate(property.Member);
            }
            finally
            {
                _implicitReceivers.Pop();
            }

            if (member is Unknown || !Match(member, property.Pattern))
            {
                return false;
            }
        }

        if (pattern.DeclaredSymbol is { } declared)
        {
            _frame.Declare(declared, Stored(value));
        }

        return true;
    }

    /// <summary>C#'s type test: what a value of the interpreter is at runtime, checked against a type symbol.</summary>
    private bool IsOfType(object? value, ITypeSymbol type)
    {
        if (value is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Object:
                return true;
            case SpecialType.System_String:
                return value is string;
            case SpecialType.System_Boolean:
                return value is bool;
            case SpecialType.System_Char:
                return value is char;
            case SpecialType.System_Int32:
                return value is int;
            case SpecialType.System_Int64:
                return value is long;
            case SpecialType.System_Double:
                return value is double;
            case SpecialType.System_Decimal:
                return value is decimal;
        }

        var canonical = _sources.Canonical(type.OriginalDefinition) as ITypeSymbol ?? type;
        switch (value)
        {
            case ObjectValue instance:
                return IsAssignable(instance.Type, canonical);
            case TupleValue:
                return type.IsTupleType;
            case Closure:
                return type.TypeKind == TypeKind.Delegate;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return Arithmetic.IsNumber(value);
        }

        var runtime = SdkMethods.RuntimeType(type) ?? BclMembers.RuntimeType(type);
        return runtime is not null && runtime.IsInstanceOfType(value);
    }

    private static bool IsAssignable(INamedTypeSymbol from, ITypeSymbol to)
    {
        if (to.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        for (var type = from; type is not null; type = type.BaseType)
        {
            if (SameType(type, to))
            {
                return true;
            }
        }

        return from.AllInterfaces.Any(i => SameType(i, to));
    }

    private static bool SameType(ITypeSymbol a, ITypeSymbol b) =>
        SymbolEqualityComparer.Default.Equals(a.OriginalDefinition, b.OriginalDefinition)
        || a.OriginalDefinition.ToDisplayString() == b.OriginalDefinition.ToDisplayString();

    /// <summary>What <c>ToString()</c> returns for source-declared values, as the compiler's synthesized members write it.</summary>
    internal object? ToText(object? value, IOperation at)
    {
        switch (value)
        {
            case TupleValue tuple:
                var parts = new string[tuple.Items.Length];
                for (var i = 0; i < parts.Length; i++)
                {
                    if (Format(tuple.Items[i], null, null, at) is not string part)
                    {
                        return Unknown.Value;
                    }

                    parts[i] = part;
                }

                return "(" + string.Join(", ", parts) + ")";
            case ObjectValue { Type.IsAnonymousType: false, Type.IsRecord: false } instance:
                return FullName(instance.Type);
            case ObjectValue instance:
                var text = new StringBuilder();
                if (!instance.Type.IsAnonymousType)
                {
                    text.Append(instance.Type.Name).Append(' ');
                }

                text.Append('{');
                var first = true;
                foreach (var member in PrintedMembers(instance.Type))
                {
                    var memberValue = instance.Fields.TryGetValue(member, out var stored) ? stored : DefaultOf(MemberType(member));
                    if (Format(memberValue, MemberType(member), null, at) is not string formatted)
                    {
                        return Unknown.Value;
                    }

                    text.Append(first ? " " : ", ").Append(member.Name).Append(" = ").Append(formatted);
                    first = false;
                }

                text.Append(first ? "}" : " }");
                return text.ToString();
            default:
                return Format(value, null, null, at);
        }
    }

    private static System.Collections.Generic.IEnumerable<ISymbol> PrintedMembers(INamedTypeSymbol type)
    {
        var chain = new System.Collections.Generic.List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        return chain.SelectMany(t => t.GetMembers()).Where(m =>
            !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.Name != "EqualityContract"
            && (m is IFieldSymbol || m is IPropertySymbol { IsIndexer: false, GetMethod: not null }));
    }

    private static string FullName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        if (type.ContainingType is { } outer)
        {
            return FullName(outer) + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }
}
