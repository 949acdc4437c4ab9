using System.Globalization;
using System.Runtime.Loader;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// Issue 15's benchmark, in one run: the compile-time evaluation of the idiomatic 1,000-service stack against the
/// runtime builders running the same compiled program, next to the same two figures for the literal stack, and end to
/// end (generator + analyzers) for both. Before timing, the runtime model of the idiomatic program must equal the
/// literal stack's model, and so must the static one when the evaluator accepts the program.
/// Usage: <c>-- idiomatic [services] [runs]</c>.
/// </summary>
internal static class IdiomaticComparison
{
    public static int Run(string[] args)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var literal = new PreparedStack(services);
        var idiomatic = new PreparedStack(services, idiomatic: true);

        // The compiled idiomatic program, run as `dotnet run` of a stack project would run it.
        using var image = new MemoryStream();
        var emit = idiomatic.Compilation.Emit(image);
        if (!emit.Success)
        {
            Console.Error.WriteLine("the idiomatic stack does not emit: " + string.Join("\n", emit.Diagnostics));
            return 1;
        }

        image.Position = 0;
        var assembly = new AssemblyLoadContext("idiomatic-bench", isCollectible: true).LoadFromStream(image);
        var definition = (IStackDefinition)Activator.CreateInstance(assembly.GetType(SyntheticStack.ClassName, throwOnError: true)!)!;
        var runtime = StackBuilder.Run(definition);
        if (runtime.Model != literal.Model)
        {
            Console.Error.WriteLine("the idiomatic program does not build the literal stack's model: a bug in IdiomaticSyntheticStack");
            return 1;
        }

        var literalEvaluation = Evaluator(literal);
        var idiomaticEvaluation = Evaluator(idiomatic);
        var evaluation = idiomaticEvaluation();
        var refused = evaluation.Diagnostics.Count;
        if (refused == 0 && (evaluation.Result is null || evaluation.Result.Model != literal.Model
                             || !StackArtefacts.Create(evaluation.Result.Model).SequenceEqual(StackArtefacts.Create(literal.Model))))
        {
            Console.Error.WriteLine("the static evaluation of the idiomatic program differs from its runtime model");
            return 1;
        }

        Console.WriteLine($"{services} services, {runs} runs each, median wall-clock; models checked equal (runtime idiomatic == literal{(refused == 0 ? ", static idiomatic == literal" : string.Empty)})");
        if (refused > 0)
        {
            Console.WriteLine($"NOTE: the evaluator refuses the idiomatic program ({refused} diagnostic(s), first: {evaluation.Diagnostics[0].Id} {evaluation.Diagnostics[0].Message}); its static figure is the time to refuse, not to evaluate");
        }

        Console.WriteLine($"load average before: {Timing.LoadAverage()}");
        literal.RunEndToEnd();
        idiomatic.RunEndToEnd();
        var rows = new (string Stage, double Literal, double Idiomatic)[]
        {
            ("runtime builders: Configure + Build", Timing.MedianMilliseconds(runs, () => literal.RunBuilders()), Timing.MedianMilliseconds(runs, () => StackBuilder.Run(definition))),
            ("static evaluation (bound, semantic model cached)", Timing.MedianMilliseconds(runs, () => literalEvaluation()), Timing.MedianMilliseconds(runs, () => idiomaticEvaluation())),
            ("end to end: generator + analyzers", Timing.MedianMilliseconds(runs, literal.Fresh, c => PreparedStack.RunEndToEnd(c)), Timing.MedianMilliseconds(runs, idiomatic.Fresh, c => PreparedStack.RunEndToEnd(c))),
        };
        Console.WriteLine($"load average after: {Timing.LoadAverage()}");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"stage",-50} {"literal",10} {"idiomatic",10} {"idiomatic/literal",18}"));
        foreach (var (stage, literalMs, idiomaticMs) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-50} {literalMs,7:F1} ms {idiomaticMs,7:F1} ms {idiomaticMs / literalMs,17:F2}x"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"static evaluation / runtime builders",-50} {rows[1].Literal / rows[0].Literal,9:F2}x {rows[1].Idiomatic / rows[0].Idiomatic,9:F2}x"));
        return 0;
    }

    /// <summary>The evaluation as the analyzer calls it, with one semantic model per tree kept across runs, so that the compiler's binding is warm.</summary>
    internal static Func<StackEvaluation> Evaluator(PreparedStack prepared)
    {
        var models = new Dictionary<SyntaxTree, SemanticModel>();
        var stackClass = prepared.Compilation.GetTypeByMetadataName(SyntheticStack.ClassName)!;
        SemanticModel ModelFor(SyntaxTree tree)
        {
            if (!models.TryGetValue(tree, out var model))
            {
                model = prepared.Compilation.GetSemanticModel(tree);
                models[tree] = model;
            }

            return model;
        }

        var warm = StackEvaluator.Evaluate(stackClass, ModelFor, CancellationToken.None);
        GC.KeepAlive(warm);
        return () => StackEvaluator.Evaluate(stackClass, ModelFor, CancellationToken.None);
    }
}
