using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// Tells the runtime builders which C# call they are executing, so their findings point at it: a Roslyn
/// <see cref="Microsoft.CodeAnalysis.Location"/> for a call written in <c>Configure</c>, an <see cref="EvaluationOrigin"/>
/// for one reached through the team's helpers.
/// </summary>
internal sealed class CallOriginTracker : IOriginTracker
{
    public object? Current { get; set; }
}
