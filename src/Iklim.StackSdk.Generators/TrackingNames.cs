namespace Iklim.StackSdk.Generators;

/// <summary>Names of the generator's pipeline stages, for caching tests.</summary>
public static class TrackingNames
{
    /// <summary>
    /// Each <c>[Stack]</c> class evaluated into a <see cref="Pipeline.EvaluatedStack"/>. Roslyn runs this transform
    /// for every stack whenever the compilation changes; the evaluation cache makes that a lookup for a stack whose
    /// code did not change, and its output is then <c>Unchanged</c>.
    /// </summary>
    public const string EvaluatedStacks = nameof(EvaluatedStacks);

    /// <summary>Each evaluated stack's artefacts, a <see cref="Pipeline.StackOutcome"/>; <c>Cached</c> unless its model changed.</summary>
    public const string EmittedStacks = nameof(EmittedStacks);

    /// <summary>All stacks of the compilation, sorted by name.</summary>
    public const string AllStacks = nameof(AllStacks);

    /// <summary>A conventions library's own source files, written back into its assembly.</summary>
    public const string ConventionSources = nameof(ConventionSources);
}
