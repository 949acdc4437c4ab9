using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Generators.Conventions;
using Iklim.StackSdk.Generators.Manifest;
using Iklim.StackSdk.Generators.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Iklim.StackSdk.Generators;

/// <summary>
/// Turns every <c>[Stack]</c> class into deploy artefacts, evaluated statically with the analyzer's evaluator, and
/// hands them to MSBuild as one manifest source (<see cref="ArtefactManifest"/>). Reports no diagnostics: the
/// analyzer does, from the same evaluation.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StackArtefactGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var stacks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                StackEvaluator.StackAttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, cancellationToken) => StackOutcomes.Evaluate(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.EvaluatedStacks);

        var emitted = stacks
            .Select(static (stack, _) => StackOutcomes.Emit(stack))
            .WithTrackingName(TrackingNames.EmittedStacks);

        var all = emitted
            .Collect()
            .Select(static (outcomes, _) => new EquatableArray<StackOutcome>(outcomes.OrderBy(o => o.Name, StringComparer.Ordinal)))
            .WithTrackingName(TrackingNames.AllStacks);

        context.RegisterSourceOutput(all, static (output, outcomes) =>
            output.AddSource(ArtefactManifest.HintName, ArtefactManifest.Write(outcomes.Select(ToManifest), StackArtefacts.JoinedPaths) + ReferencedFiles.Write(outcomes.SelectMany(o => o.References))));

        var conventions = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => ConventionSources.From(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.ConventionSources);

        context.RegisterSourceOutput(conventions, static (output, sources) =>
        {
            if (sources.Count > 0)
            {
                output.AddSource(ConventionSources.HintName, ConventionSources.Write(sources));
            }
        });
    }

    private static ManifestStack ToManifest(StackOutcome outcome) =>
        new(outcome.Name, outcome.Blocked, outcome.Summary, outcome.Files.Select(f => new KeyValuePair<string, string>(f.Path, f.Content)).ToList())
        {
            Origin = outcome.Origin,
        };
}
