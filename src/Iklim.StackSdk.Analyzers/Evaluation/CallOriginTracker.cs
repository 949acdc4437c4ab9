using Iklim.StackSdk.Building;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>Tells the runtime builders which C# call they are executing, so their findings point at it.</summary>
internal sealed class CallOriginTracker : IOriginTracker
{
    public Location? Location { get; set; }

    public object? Current => Location;
}
