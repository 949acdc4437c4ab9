using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>The value of an expression that could not be evaluated; the reason was already reported.</summary>
internal sealed class Unknown
{
    public static readonly Unknown Value = new();

    private Unknown()
    {
    }
}

/// <summary>An optional argument left out: the runtime parameter's default applies.</summary>
internal sealed class OmittedArgument
{
    public static readonly OmittedArgument Value = new();

    private OmittedArgument()
    {
    }
}

/// <summary>An array or collection literal, kept with its C# element type until a call fixes the runtime type.</summary>
internal sealed class EvaluatedArray
{
    public EvaluatedArray(ITypeSymbol elementType, IReadOnlyList<object?> items)
    {
        ElementType = elementType;
        Items = items;
    }

    public ITypeSymbol ElementType { get; }

    public IReadOnlyList<object?> Items { get; }
}

/// <summary>A lambda, evaluated when the builder invokes the delegate made from it.</summary>
internal sealed class EvaluatedLambda
{
    public EvaluatedLambda(IAnonymousFunctionOperation function) => Function = function;

    public IAnonymousFunctionOperation Function { get; }
}
