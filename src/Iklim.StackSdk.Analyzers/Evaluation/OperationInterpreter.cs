using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// Interprets <c>Configure</c> over the IOperation tree, following calls into the team's own code (anything with
/// source in the compilation, and conventions libraries that ship their source). SDK calls run on the real runtime
/// builders (<see cref="OperationInterpreter"/>.Sdk.cs), a curated set of pure BCL members runs for real
/// (<see cref="BclMembers"/>), and everything else is IKS0001 at the call in <c>Configure</c> that led to it.
/// Split by concern: statements, expressions, members and objects, patterns, and the SDK bridge.
/// </summary>
internal sealed partial class OperationInterpreter
{
    /// <summary>How many steps (statements, calls, loop iterations) one evaluation may take before it stops.</summary>
    internal const int StepBudget = 1_000_000;

    /// <summary>How deep calls into the team's code may nest; deeper recursion would overflow the compiler's stack.</summary>
    internal const int MaxCallDepth = 256;

    private const string Advice = "see the 'Writing stack code' section of the README for what the build can evaluate";

    private readonly List<EvaluationDiagnostic> _diagnostics = new();
    private readonly HashSet<(string Id, string Message, Location Location)> _reported = new();
    private readonly CallOriginTracker _tracker;
    private readonly SourceBodies _sources;
    private readonly CancellationToken _cancellationToken;
    private readonly List<CallSite> _callers = new();
    private Frame _frame;
    private int _steps;
    private object? _returnValue;
    private List<object?>? _yielded;

    public OperationInterpreter(SourceBodies sources, CallOriginTracker tracker, CancellationToken cancellationToken)
    {
        _sources = sources;
        _tracker = tracker;
        _cancellationToken = cancellationToken;
        _frame = new Frame(null, null);
    }

    private enum Flow
    {
        Next,
        Break,
        Continue,
        Return,
    }

    public IReadOnlyList<EvaluationDiagnostic> Diagnostics => _diagnostics;

    /// <summary>True when the code reached contains something the compiler rejects: evaluation stopped there.</summary>
    public bool SawInvalidCode { get; private set; }

    public void Bind(ISymbol parameter, object? value) => _frame.Declare(parameter, value);

    /// <summary>Runs <c>Configure</c>'s body; a throw, an exhausted budget or invalid code ends the run early.</summary>
    public void Run(IOperation body)
    {
        try
        {
            Execute(body);
        }
        catch (StopEvaluation)
        {
        }
    }

    /// <summary>
    /// Creates the instance of the [Stack] class that <c>Configure</c> runs on, as <c>new T()</c> would (its field
    /// initializers and constructor run), and makes it <c>this</c> for what follows.
    /// </summary>
    public object? EnterStackInstance(INamedTypeSymbol stackClass, Location at)
    {
        var instance = CreateStackInstance(stackClass, at);
        _frame = new Frame(null, instance);
        return instance;
    }

    private object? CreateStackInstance(INamedTypeSymbol stackClass, Location at)
    {
        try
        {
            var constructor = stackClass.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0);
            if (constructor is null)
            {
                Report(RuleIdentifiers.NotEvaluable, at, $"{stackClass.Name} has no parameterless constructor, so the build cannot create it to run Configure.");
                return Unknown.Value;
            }

            return Construct(stackClass, constructor, Array.Empty<object?>(), null);
        }
        catch (StopEvaluation)
        {
            return Unknown.Value;
        }
    }

    /// <summary>One step of the budget: a statement, a call or a loop iteration.</summary>
    private void Step(IOperation at)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (++_steps > StepBudget)
        {
            Stop(at, $"The build stopped evaluating the stack after {StepBudget.ToString("N0", CultureInfo.InvariantCulture)} steps here: an endless loop or recursion in stack code would hang every build. Make the loop finish.");
        }
    }

    /// <summary>Reports at <paramref name="at"/> and ends the evaluation, as the program would end there.</summary>
    private StopEvaluation Stop(IOperation at, string message) => Stop(ReportLocation(at), message);

    private StopEvaluation Stop(Location at, string message)
    {
        Report(RuleIdentifiers.NotEvaluable, at, message);
        throw new StopEvaluation();
    }

    /// <summary>Reports IKS0001 at <paramref name="operation"/> (unless the code there does not compile) and yields <see cref="Unknown"/>.</summary>
    private object NotEvaluable(IOperation operation, string message)
    {
        if (IsInvalid(operation))
        {
            InvalidCode();
        }

        Report(RuleIdentifiers.NotEvaluable, ReportLocation(operation), message);
        return Unknown.Value;
    }

    /// <summary>
    /// Code the compiler cannot bind: stop evaluating, so a half-typed statement never produces findings from a
    /// model that is only half built; the compiler's own error is what the user needs.
    /// </summary>
    private StopEvaluation InvalidCode()
    {
        SawInvalidCode = true;
        throw new StopEvaluation();
    }

    private static bool IsInvalid(IOperation operation) =>
        operation.DescendantsAndSelf().Any(o => o is IInvalidOperation || o.Type?.TypeKind == TypeKind.Error);

    /// <summary>
    /// Where a problem at <paramref name="inner"/> is reported: at the outermost call in <c>Configure</c> that led to
    /// it, with the calls in between and the inner place as additional locations.
    /// </summary>
    private void Report(string id, Location inner, string message)
    {
        var origin = Origin(inner);
        var text = message + origin.Chain;
        if (_reported.Add((id, text, origin.Location)))
        {
            _diagnostics.Add(new EvaluationDiagnostic(id, text, origin.Location) { AdditionalLocations = origin.AdditionalLocations });
        }
    }

    /// <summary>The origin of something happening at <paramref name="inner"/> given the helper calls in progress.</summary>
    private EvaluationOrigin Origin(Location inner) =>
        _callers.Count == 0 ? new EvaluationOrigin(inner) : new EvaluationOrigin(_callers.ToArray(), inner, _sources.OwnTrees);

    internal static string Position(Location location)
    {
        var span = location.GetLineSpan();
        var path = span.Path ?? string.Empty;
        var file = path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        return file + "(" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + "," + (span.StartLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture) + ")";
    }

    private static Location ReportLocation(IOperation operation) => operation is IInvocationOperation invocation ? CallLocation(invocation) : operation.Syntax.GetLocation();

    /// <summary>The span the user sees as "the call": from the method name to the end of its argument list.</summary>
    internal static Location CallLocation(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        if (syntax is InvocationExpressionSyntax call)
        {
            var name = call.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => null,
            };
            if (name is not null)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(name.SpanStart, call.Span.End));
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>The exception's own text, without the parameter suffix the runtime appends.</summary>
    internal static string MessageOf(ArgumentException exception)
    {
        if (exception is ArgumentNullException { ParamName: { } nullName })
        {
            return $"'{nullName}' cannot be null.";
        }

        var message = exception.Message;
        if (exception.ParamName is { } name)
        {
            var suffix = " (Parameter '" + name + "')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message.Substring(0, message.Length - suffix.Length);
            }

            // .NET Framework hosts (Visual Studio) put the parameter on a line of its own.
            var framework = message.IndexOf("\nParameter name:", StringComparison.Ordinal);
            if (framework >= 0)
            {
                message = message.Substring(0, framework).TrimEnd('\r');
            }
        }

        return message;
    }

    private static string Text(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        var newline = text.IndexOfAny(new[] { '\r', '\n' });
        if (newline >= 0)
        {
            text = text.Substring(0, newline).TrimEnd() + " ...";
        }

        return text.Length > 80 ? text.Substring(0, 77) + "..." : text;
    }

    private static void EnsureStack()
    {
        // Deeply nested expressions or recursion must end as a diagnostic, never as a crashed compiler.
        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    /// <summary>Unwinds the interpreter to <see cref="Run"/>: the reason was reported.</summary>
    private sealed class StopEvaluation : Exception
    {
    }
}

/// <summary>
/// Where a finding is reported, given the helper calls that led to it. Every SDK call inside a helper gets one; the
/// chain and the additional locations are only worked out for the few a finding or a diagnostic points at.
/// </summary>
internal sealed class EvaluationOrigin
{
    private readonly CallSite[] _callers;
    private readonly Location _inner;
    private readonly HashSet<SyntaxTree>? _ownTrees;
    private IReadOnlyList<Location>? _additionalLocations;
    private string? _chain;

    public EvaluationOrigin(Location inner)
    {
        _callers = Array.Empty<CallSite>();
        _inner = inner;
        Location = inner;
        _additionalLocations = Array.Empty<Location>();
        _chain = string.Empty;
    }

    /// <param name="callers">The helper calls in progress, outermost first.</param>
    /// <param name="inner">The place inside the innermost helper.</param>
    /// <param name="ownTrees">The compilation's trees, to turn a location in a conventions library's source into a reportable one.</param>
    public EvaluationOrigin(CallSite[] callers, Location inner, HashSet<SyntaxTree> ownTrees)
    {
        _callers = callers;
        _inner = inner;
        _ownTrees = ownTrees;
        Location = callers[0].Location;
    }

    /// <summary>The outermost call in <c>Configure</c>.</summary>
    public Location Location { get; }

    /// <summary>The calls in between and the place inside the helper, outermost first.</summary>
    public IReadOnlyList<Location> AdditionalLocations =>
        _additionalLocations ??= _callers.Skip(1).Select(c => SourceBodies.Reportable(_ownTrees!, c.Location)).Append(SourceBodies.Reportable(_ownTrees!, _inner)).ToArray();

    /// <summary>Appended to the message: " (through Helper at File.cs(3,5) → File.cs(9,9))", or empty.</summary>
    public string Chain =>
        _chain ??= " (through " + string.Join(" → ", _callers.Select(c => c.Callee + " at " + OperationInterpreter.Position(c.Location)).Append(OperationInterpreter.Position(_inner))) + ")";
}
