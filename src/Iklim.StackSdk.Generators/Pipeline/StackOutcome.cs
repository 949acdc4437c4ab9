namespace Iklim.StackSdk.Generators.Pipeline;

/// <summary>One file of a stack's artefacts: a path relative to the deploy folder and its text.</summary>
/// <param name="Path">The relative path.</param>
/// <param name="Content">The exact text.</param>
public sealed record GeneratedFile(string Path, string Content);

/// <summary>What the generator made of one <c>[Stack]</c> class; only strings, so the pipeline caches.</summary>
/// <param name="Name">The stack name from <c>[Stack("name")]</c>.</param>
/// <param name="Blocked">True when the stack has errors and no file may be written.</param>
/// <param name="Summary">The build's one-line summary, or why nothing is written.</param>
/// <param name="Files">The artefacts; empty when blocked.</param>
public sealed record StackOutcome(string Name, bool Blocked, string Summary, EquatableArray<GeneratedFile> Files)
{
    /// <summary>The host files the stack reads at deploy time, for the build step to check; empty when blocked.</summary>
    public EquatableArray<Manifest.ReferencedFile> References { get; init; } = new(System.Array.Empty<Manifest.ReferencedFile>());
}
