using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// One evaluation per stack per compilation state, shared by the generator and the analyzer. An evaluation is
/// reused while every tree it read is still in the compilation (the same instance: Roslyn keeps the instance of
/// an unchanged file across compilations) and the <see cref="CompilationShape"/> is equal. So an edit inside a
/// stack, or inside a helper it called, re-evaluates that stack; an edit inside a body it never read re-evaluates
/// nothing. Entries hang off the stack's own tree, so they go away with it.
/// </summary>
internal static class EvaluationCache
{
    private static readonly ConditionalWeakTable<SyntaxTree, Slots> ByStackTree = new();

    /// <summary>How many times a stack declared in <paramref name="stackTree"/> was evaluated; for the caching tests.</summary>
    public static int EvaluationsIn(SyntaxTree stackTree) => ByStackTree.TryGetValue(stackTree, out var slots) ? Volatile.Read(ref slots.Evaluations) : 0;

    /// <summary>
    /// The evaluation of <paramref name="stackClass"/> in <paramref name="compilation"/>: a stored one that is still
    /// valid, or <paramref name="evaluate"/>'s, stored for the next caller.
    /// </summary>
    public static StackEvaluation GetOrEvaluate(INamedTypeSymbol stackClass, Compilation compilation, Func<StackEvaluation> evaluate)
    {
        var declaration = stackClass.DeclaringSyntaxReferences.FirstOrDefault();
        if (declaration is null)
        {
            return evaluate();
        }

        var slots = ByStackTree.GetValue(declaration.SyntaxTree, static _ => new Slots());
        var shape = CompilationShape.Of(compilation);
        var key = declaration.Span.Start;
        lock (slots)
        {
            if (slots.TryGetValue(key, out var stored) && stored.IsValidIn(compilation, shape))
            {
                return stored.Evaluation;
            }
        }

        var evaluation = evaluate();
        Interlocked.Increment(ref slots.Evaluations);
        var read = evaluation.ReadTrees
            .Concat(stackClass.DeclaringSyntaxReferences.Select(r => r.SyntaxTree))
            .Where(compilation.ContainsSyntaxTree)
            .Distinct()
            .ToArray();
        lock (slots)
        {
            slots[key] = new Entry(evaluation, read, shape);
        }

        return evaluation;
    }

    /// <summary>The stacks declared in one tree, by the position of their declaration.</summary>
    private sealed class Slots : Dictionary<int, Entry>
    {
        public int Evaluations;
    }

    private sealed class Entry
    {
        private readonly SyntaxTree[] _read;
        private readonly CompilationShape _shape;

        public Entry(StackEvaluation evaluation, SyntaxTree[] read, CompilationShape shape)
        {
            Evaluation = evaluation;
            _read = read;
            _shape = shape;
        }

        public StackEvaluation Evaluation { get; }

        /// <summary>
        /// Trees of a conventions library's source are not in the compilation; they belong to its reference,
        /// which the shape compares.
        /// </summary>
        public bool IsValidIn(Compilation compilation, CompilationShape shape) =>
            _shape.Equals(shape) && Array.TrueForAll(_read, compilation.ContainsSyntaxTree);
    }
}
