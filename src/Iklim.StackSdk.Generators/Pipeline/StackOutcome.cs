using Iklim.StackSdk.Generators.Manifest;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Generators.Pipeline;

/// <summary>One file of a stack's artefacts: a path relative to the deploy folder and its text.</summary>
/// <param name="Path">The relative path.</param>
/// <param name="Content">The exact text.</param>
public sealed record GeneratedFile(string Path, string Content);

/// <summary>
/// What the evaluation of one <c>[Stack]</c> class leaves for emission: the model, or why nothing may be written.
/// Compared by value (the model is a record of value lists), so emission runs again only when the model changed.
/// </summary>
/// <param name="Name">The stack name from <c>[Stack("name")]</c>.</param>
/// <param name="Model">The evaluated model; null when blocked.</param>
/// <param name="BlockedBecause">Why no file may be written, or null when <paramref name="Model"/> is set.</param>
public sealed record EvaluatedStack(string Name, StackModel? Model, string? BlockedBecause)
{
    /// <summary>The project folder seen from the deploy folder (<c>../</c>), which relative host paths are re-based by.</summary>
    public string ProjectFromDeploy { get; init; } = string.Empty;

    /// <summary>The host files the stack reads at deploy time, with the calls that name them.</summary>
    public EquatableArray<Manifest.ReferencedFile> References { get; init; } = new(System.Array.Empty<Manifest.ReferencedFile>());

    /// <summary>The <c>[Stack]</c> attribute, where the build step reports a file this stack shares with another.</summary>
    public ManifestOrigin? Origin { get; init; }
}

/// <summary>What the generator made of one <c>[Stack]</c> class; only strings, so the pipeline caches.</summary>
/// <param name="Name">The stack name from <c>[Stack("name")]</c>.</param>
/// <param name="Blocked">True when the stack has errors and no file may be written.</param>
/// <param name="Summary">The build's one-line summary, or why nothing is written.</param>
/// <param name="Files">The artefacts; empty when blocked.</param>
public sealed record StackOutcome(string Name, bool Blocked, string Summary, EquatableArray<GeneratedFile> Files)
{
    /// <summary>The <c>[Stack]</c> attribute, where the build step reports a file this stack shares with another.</summary>
    public ManifestOrigin? Origin { get; init; }

    /// <summary>The host files the stack reads at deploy time, for the build step to check; empty when blocked.</summary>
    public EquatableArray<Manifest.ReferencedFile> References { get; init; } = new(System.Array.Empty<Manifest.ReferencedFile>());
}
