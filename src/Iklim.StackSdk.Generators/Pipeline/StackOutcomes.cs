using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Emitting;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Generators.Pipeline;

/// <summary>Turns a <c>[Stack]</c> class into its <see cref="StackOutcome"/> with the shared evaluator.</summary>
internal static class StackOutcomes
{
    private const int ListedProblems = 3;

    public static StackOutcome From(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var stackClass = (INamedTypeSymbol)context.TargetSymbol;
        try
        {
            var semanticModel = context.SemanticModel;
            var evaluation = StackEvaluator.Evaluate(
                stackClass,
                tree => tree == semanticModel.SyntaxTree ? semanticModel : semanticModel.Compilation.GetSemanticModel(tree),
                cancellationToken);
            return From(evaluation, ProjectLayout.ProjectFromDeploy(semanticModel.Compilation));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Blocked(stackClass.Name, $"not written: internal error while generating ({exception.GetType().Name}: {exception.Message})");
        }
    }

    public static StackOutcome From(StackEvaluation evaluation, string projectFromDeploy)
    {
        var errors = evaluation.Problems().Where(p => p.IsError).ToList();
        if (errors.Count > 0)
        {
            var listed = string.Join("; ", errors.Take(ListedProblems).Select(Describe));
            var more = errors.Count > ListedProblems ? "; ..." : string.Empty;
            return Blocked(evaluation.StackName, $"not written: {Count(errors.Count, "error")} ({listed}{more})");
        }

        if (evaluation.HasCompilerErrors || evaluation.Result is null)
        {
            return Blocked(evaluation.StackName, "not written: the stack's Configure method does not compile");
        }

        var model = evaluation.Result.Model;
        var files = StackArtefacts.Create(model, projectFromDeploy).Select(a => new GeneratedFile(a.Path, a.Content)).ToList();
        return new StackOutcome(model.Name, false, StackArtefacts.Summary(model), new EquatableArray<GeneratedFile>(files))
        {
            References = new EquatableArray<Manifest.ReferencedFile>(ReferencedFileSources.Of(evaluation.Result)),
        };
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
