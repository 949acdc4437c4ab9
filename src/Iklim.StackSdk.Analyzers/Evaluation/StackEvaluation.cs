using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>A problem the evaluator found in the code itself (IKS0001, IKS0002), at the expression responsible.</summary>
/// <param name="Id">The rule ID.</param>
/// <param name="Message">The message, naming the expression or the rejected value.</param>
/// <param name="Location">Where it is reported.</param>
public sealed record EvaluationDiagnostic(string Id, string Message, Location Location)
{
    /// <summary>For a problem inside a helper: the calls between <see cref="Location"/> and it, then the place itself.</summary>
    public IReadOnlyList<Location> AdditionalLocations { get; init; } = Array.Empty<Location>();
}

/// <summary>One problem of a stack, whichever side found it: the evaluator or the builders' findings.</summary>
/// <param name="Id">The rule ID (IKS0001..IKS0005).</param>
/// <param name="Message">The message.</param>
/// <param name="Location">The C# call that caused it.</param>
/// <param name="IsError">Whether it blocks the artefacts (by the rule's default severity).</param>
public sealed record StackProblem(string Id, string Message, Location Location, bool IsError)
{
    /// <summary>The message, a deploy-time reference in a quoted value (an IKS0002's) reading <c>${NAME}</c>.</summary>
    public string Message { get; init; } = Iklim.StackSdk.Model.Interpolation.ToDisplay(Message);

    /// <summary>For a problem reached through helpers: the calls in between and the place inside the helper.</summary>
    public IReadOnlyList<Location> AdditionalLocations { get; init; } = Array.Empty<Location>();
}

/// <summary>
/// What the static evaluation of one <c>[Stack]</c> class produced: the same <see cref="StackBuildResult"/> that running
/// <c>Configure</c> against <see cref="StackBuilder"/> yields (with Roslyn <see cref="Location"/>s as finding origins),
/// plus the diagnostics about code that could not be evaluated.
/// </summary>
public sealed class StackEvaluation
{
    internal StackEvaluation(string stackName, StackBuildResult? result, IReadOnlyList<EvaluationDiagnostic> diagnostics, bool hasCompilerErrors, Location fallbackLocation, IReadOnlyCollection<SyntaxTree>? readTrees = null)
    {
        ReadTrees = readTrees ?? Array.Empty<SyntaxTree>();
        StackName = stackName;
        Result = result;
        Diagnostics = diagnostics;
        HasCompilerErrors = hasCompilerErrors;
        FallbackLocation = fallbackLocation;
    }

    /// <summary>The name given in <c>[Stack("name")]</c>.</summary>
    public string StackName { get; }

    /// <summary>The model and findings; null only when the stack could not be built at all (see <see cref="Diagnostics"/>).</summary>
    public StackBuildResult? Result { get; }

    /// <summary>IKS0001 and IKS0002 diagnostics, in source order of evaluation.</summary>
    public IReadOnlyList<EvaluationDiagnostic> Diagnostics { get; }

    /// <summary>True when <c>Configure</c> contains code the compiler rejects; the evaluation skipped it silently.</summary>
    public bool HasCompilerErrors { get; }

    /// <summary>The trees whose code or declarations the evaluation read, for <see cref="EvaluationCache"/>.</summary>
    internal IReadOnlyCollection<SyntaxTree> ReadTrees { get; }

    /// <summary>Where a finding without origin is reported: the name of the <c>Configure</c> method or of the class.</summary>
    public Location FallbackLocation { get; }

    /// <summary>True when the artefacts must not be written: an error, or code that does not compile.</summary>
    public bool IsBlocked => HasCompilerErrors || Result is null || Problems().Any(p => p.IsError);

    /// <summary>Every problem: the evaluator's diagnostics, then the builders' findings mapped to their C# call.</summary>
    public IEnumerable<StackProblem> Problems()
    {
        foreach (var diagnostic in Diagnostics)
        {
            yield return new StackProblem(diagnostic.Id, diagnostic.Message, diagnostic.Location, IsError: true) { AdditionalLocations = diagnostic.AdditionalLocations };
        }

        if (Result is null)
        {
            yield break;
        }

        // Code the compiler cannot bind stopped the evaluation: findings from a half-built model would not be true.
        if (HasCompilerErrors)
        {
            yield break;
        }

        foreach (var finding in Result.Findings)
        {
            var isError = finding.Severity == FindingSeverity.Error;
            yield return finding.Origin switch
            {
                EvaluationOrigin origin => new StackProblem(finding.Id, finding.Message + origin.Chain, origin.Location, isError) { AdditionalLocations = origin.AdditionalLocations },
                Location location => new StackProblem(finding.Id, finding.Message, location, isError),
                _ => new StackProblem(finding.Id, finding.Message, FallbackLocation, isError),
            };
        }
    }
}
