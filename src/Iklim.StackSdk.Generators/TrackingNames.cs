namespace Iklim.StackSdk.Generators;

/// <summary>Names of the generator's pipeline stages, for caching tests.</summary>
public static class TrackingNames
{
    /// <summary>Each <c>[Stack]</c> class evaluated into a <see cref="Pipeline.StackOutcome"/>.</summary>
    public const string EvaluatedStacks = nameof(EvaluatedStacks);

    /// <summary>All stacks of the compilation, sorted by name.</summary>
    public const string AllStacks = nameof(AllStacks);

    /// <summary>A conventions library's own source files, written back into its assembly.</summary>
    public const string ConventionSources = nameof(ConventionSources);
}
