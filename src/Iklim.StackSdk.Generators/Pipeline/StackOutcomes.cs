using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Generators.Manifest;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Generators.Pipeline;

/// <summary>Turns a <c>[Stack]</c> class into an <see cref="EvaluatedStack"/> with the shared evaluator, and that into its <see cref="StackOutcome"/>.</summary>
internal static class StackOutcomes
{
    private const int ListedProblems = 3;

    /// <summary>
    /// The evaluation of the stack, or the one the analyzer or an earlier run already made of the same code
    /// (<see cref="EvaluationCache"/>); no emission here, so the step's output stays small and compares by value.
    /// </summary>
    public static EvaluatedStack Evaluate(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var stackClass = (INamedTypeSymbol)context.TargetSymbol;
        try
        {
            var compilation = context.SemanticModel.Compilation;
            var evaluation = EvaluationCache.GetOrEvaluate(
                stackClass,
                compilation,
                () => StackEvaluator.Evaluate(stackClass, compilation, cancellationToken));
            return From(evaluation, ProjectLayout.ProjectFromDeploy(compilation)) with { Origin = Origin(context) };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EvaluatedStack(stackClass.Name, null, $"not written: internal error while generating ({exception.GetType().Name}: {exception.Message})") { Origin = Origin(context) };
        }
    }

    private static ManifestOrigin? Origin(GeneratorAttributeSyntaxContext context)
    {
        var attribute = context.Attributes.FirstOrDefault()?.ApplicationSyntaxReference;
        if (attribute is null)
        {
            return null;
        }

        var span = attribute.SyntaxTree.GetLineSpan(attribute.Span);
        return new ManifestOrigin(span.Path ?? string.Empty, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    public static EvaluatedStack From(StackEvaluation evaluation, string projectFromDeploy)
    {
        var errors = evaluation.Problems().Where(p => p.IsError).ToList();
        if (errors.Count > 0)
        {
            var listed = string.Join("; ", errors.Take(ListedProblems).Select(Describe));
            var more = errors.Count > ListedProblems ? "; ..." : string.Empty;
            return new EvaluatedStack(evaluation.StackName, null, $"not written: {Count(errors.Count, "error")} ({listed}{more})");
        }

        if (evaluation.HasCompilerErrors || evaluation.Result is null)
        {
            return new EvaluatedStack(evaluation.StackName, null, "not written: the stack's Configure method does not compile");
        }

        return new EvaluatedStack(evaluation.Result.Model.Name, evaluation.Result.Model, null)
        {
            ProjectFromDeploy = projectFromDeploy,
            References = new EquatableArray<Manifest.ReferencedFile>(ReferencedFileSources.Of(evaluation.Result)),
        };
    }

    /// <summary>The artefacts of an evaluated stack: YAML, the APISIX files, STACK.md.</summary>
    public static StackOutcome Emit(EvaluatedStack stack)
    {
        if (stack.Model is not { } model)
        {
            return Blocked(stack.Name, stack.BlockedBecause ?? "not written") with { Origin = stack.Origin };
        }

        try
        {
            var files = StackArtefacts.Create(model, stack.ProjectFromDeploy).Select(a => new GeneratedFile(a.Path, a.Content));
            return new StackOutcome(model.Name, false, StackArtefacts.Summary(model), new EquatableArray<GeneratedFile>(files))
            {
                Origin = stack.Origin,
                References = stack.References,
            };
        }
        catch (Exception exception)
        {
            return Blocked(stack.Name, $"not written: internal error while generating ({exception.GetType().Name}: {exception.Message})") with { Origin = stack.Origin };
        }
    }

    private static StackOutcome Blocked(string name, string why) =>
        new(name, true, why, new EquatableArray<GeneratedFile>(Array.Empty<GeneratedFile>()));

    private static string Describe(StackProblem problem)
    {
        var span = problem.Location.GetLineSpan();
        var path = span.Path ?? string.Empty;
        var file = path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        var line = (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
        var column = (span.StartLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture);
        return $"{problem.Id} at {file}({line},{column}): {problem.Message}";
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
