using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

// The interpreter's values are plain CLR values where C# has them (strings, boxed numbers and chars, the SDK's
// runtime builders, BCL collections erased to object elements) and the types below for what only exists in the
// user's source, enum values included.

/// <summary>The value of an expression that could not be evaluated; the reason was already reported.</summary>
internal sealed class Unknown
{
    public static readonly Unknown Value = new();

    private Unknown()
    {
    }
}

/// <summary>An optional argument left out of an SDK call: the runtime parameter's default applies.</summary>
internal sealed class OmittedArgument
{
    public static readonly OmittedArgument Value = new();

    private OmittedArgument()
    {
    }
}

/// <summary>
/// An instance of a class, struct, record or anonymous type declared in source. Records, record structs, structs and
/// anonymous types compare by value, classes by reference, as C# does.
/// </summary>
internal sealed class ObjectValue : IEquatable<ObjectValue>
{
    public ObjectValue(INamedTypeSymbol type)
    {
        Type = type;
        Fields = new Dictionary<ISymbol, object?>(SymbolEqualityComparer.Default);
    }

    private ObjectValue(INamedTypeSymbol type, Dictionary<ISymbol, object?> fields)
    {
        Type = type;
        Fields = fields;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>Fields, auto-properties (keyed by the property) and captured primary-constructor parameters.</summary>
    public Dictionary<ISymbol, object?> Fields { get; }

    public bool HasValueEquality => Type.IsRecord || Type.IsValueType || Type.IsAnonymousType;

    public ObjectValue Clone() => new(Type, new Dictionary<ISymbol, object?>(Fields, SymbolEqualityComparer.Default));

    public bool Equals(ObjectValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || !HasValueEquality || !SymbolEqualityComparer.Default.Equals(Type, other.Type) || Fields.Count != other.Fields.Count)
        {
            return false;
        }

        foreach (var field in Fields)
        {
            if (!other.Fields.TryGetValue(field.Key, out var value) || !object.Equals(field.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ObjectValue other && Equals(other);

    public override int GetHashCode()
    {
        if (!HasValueEquality)
        {
            return RuntimeHelpers.GetHashCode(this);
        }

        // Order-independent, so two equal records hash alike whatever order their fields were set in.
        var hash = SymbolEqualityComparer.Default.GetHashCode(Type);
        foreach (var field in Fields)
        {
            hash ^= (SymbolEqualityComparer.Default.GetHashCode(field.Key) * 31) + (field.Value?.GetHashCode() ?? 0);
        }

        return hash;
    }
}

/// <summary>A <c>ValueTuple</c>: compares by value.</summary>
internal sealed class TupleValue : IEquatable<TupleValue>
{
    public TupleValue(object?[] items) => Items = items;

    public object?[] Items { get; }

    public bool Equals(TupleValue? other) => other is not null && Items.Length == other.Items.Length && Items.Zip(other.Items, object.Equals).All(e => e);

    public override bool Equals(object? obj) => obj is TupleValue other && Equals(other);

    public override int GetHashCode() => Items.Aggregate(17, (hash, item) => (hash * 31) + (item?.GetHashCode() ?? 0));
}

/// <summary>
/// A lambda, local function or method group with what it captured: the frame it was created in, the instance, and
/// the helper calls that were in progress (so findings from its body land where the lambda was written).
/// </summary>
internal sealed class Closure
{
    public Closure(IMethodSymbol method, IOperation? body, Frame? captured, object? instance, IReadOnlyList<CallSite> callers)
    {
        Method = method;
        Body = body;
        Captured = captured;
        Instance = instance;
        Callers = callers;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The body of a lambda or local function; null for a method group, whose body is looked up when called.</summary>
    public IOperation? Body { get; }

    public Frame? Captured { get; }

    public object? Instance { get; }

    public IReadOnlyList<CallSite> Callers { get; }
}

/// <summary>A call into the team's own code that is in progress: where it was called, and what.</summary>
internal sealed class CallSite
{
    public CallSite(Location location, string callee)
    {
        Location = location;
        Callee = callee;
    }

    public Location Location { get; }

    public string Callee { get; }
}

/// <summary>The locals of one block or call; lambdas keep the frame they were created in, so they see its variables live.</summary>
internal sealed class Frame
{
    private readonly Dictionary<ISymbol, object?> _locals = new(SymbolEqualityComparer.Default);

    public Frame(Frame? parent, object? instance)
    {
        Parent = parent;
        Instance = instance;
    }

    public Frame? Parent { get; }

    /// <summary>The value of <c>this</c> in the code this frame runs.</summary>
    public object? Instance { get; }

    public void Declare(ISymbol symbol, object? value) => _locals[symbol] = value;

    public bool TryRead(ISymbol symbol, out object? value)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame._locals.TryGetValue(symbol, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public void Write(ISymbol symbol, object? value)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame._locals.ContainsKey(symbol))
            {
                frame._locals[symbol] = value;
                return;
            }
        }

        _locals[symbol] = value;
    }
}

/// <summary>An iterator method's results, produced by running its body to the end each time it is enumerated.</summary>
internal sealed class IteratorValue : IEnumerable<object?>
{
    private readonly Func<List<object?>> _run;

    public IteratorValue(Func<List<object?>> run) => _run = run;

    public IEnumerator<object?> GetEnumerator() => _run().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A value of an enum type: its number with its type, so that it prints as the member name wherever the program
/// hands it on as an object (string.Join, StringBuilder.Append, a record's ToString) and compares as C# does.
/// </summary>
internal sealed class EnumValue : IEquatable<EnumValue>, IComparable
{
    public EnumValue(ITypeSymbol type, object value)
    {
        Type = type;
        Value = value;
    }

    public ITypeSymbol Type { get; }

    /// <summary>The underlying number, boxed as the enum's underlying type.</summary>
    public object Value { get; }

    /// <summary>The member's name, as Enum.ToString() writes it; the number when no single member has it.</summary>
    public override string ToString()
    {
        var member = Type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, Value));
        return member?.Name ?? System.Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public bool Equals(EnumValue? other) => other is not null && SymbolEqualityComparer.Default.Equals(Type, other.Type) && Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is EnumValue other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public int CompareTo(object? obj) => obj is EnumValue other ? Arithmetic.CompareNumbers(Value, other.Value) : 1;
}
