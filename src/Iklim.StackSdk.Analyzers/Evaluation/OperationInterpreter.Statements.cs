using System;
using System.Collections;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>Statements: blocks, declarations, branches, loops and jumps.</summary>
internal sealed partial class OperationInterpreter
{
    private Flow Execute(IOperation statement)
    {
        Step(statement);
        EnsureStack();

        // A statement the compiler rejects (half-typed code, a type error): stop before it, so nothing it swallowed or
        // misread produces a finding.
        if (statement is not IBlockOperation && _sources.HasErrors(statement))
        {
            throw InvalidCode();
        }

        try
        {
            return ExecuteCore(statement);
        }
        catch (Exception exception) when (exception is not StopEvaluation and not OperationCanceledException)
        {
            if (_sources.HasErrors(statement))
            {
                throw InvalidCode();
            }

            throw Stop(statement, $"The build could not evaluate this statement ({exception.GetType().Name}: {exception.Message}); please report this as an Iklim.StackSdk bug.");
        }
    }

    private Flow ExecuteCore(IOperation statement)
    {
        switch (statement)
        {
            case IBlockOperation block:
                return ExecuteBlock(block);
            case IExpressionStatementOperation expression:
                Evaluate(expression.Operation);
                return Flow.Next;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer ?? declaration.Initializer;
                        _frame.Declare(declarator.Symbol, initializer is null ? DefaultOf(declarator.Symbol.Type) : Stored(Evaluate(initializer.Value)));
                    }
                }

                return Flow.Next;
            case IConditionalOperation conditional:
                var condition = Evaluate(conditional.Condition);
                if (condition is not bool taken)
                {
                    return Flow.Next;
                }

                var branch = taken ? conditional.WhenTrue : conditional.WhenFalse;
                return branch is null ? Flow.Next : Execute(branch);
            case IForEachLoopOperation loop:
                return ExecuteForEach(loop);
            case IForLoopOperation loop:
                return ExecuteFor(loop);
            case IWhileLoopOperation loop:
                return ExecuteWhile(loop);
            case ISwitchOperation @switch:
                return ExecuteSwitch(@switch);
            case IBranchOperation { BranchKind: BranchKind.Break }:
                return Flow.Break;
            case IBranchOperation { BranchKind: BranchKind.Continue }:
                return Flow.Continue;
            case IReturnOperation { Kind: OperationKind.YieldReturn } yield:
                var item = Evaluate(yield.ReturnedValue!);
                _yielded?.Add(item);
                return Flow.Next;
            case IReturnOperation { Kind: OperationKind.YieldBreak }:
                return Flow.Return;
            case IReturnOperation @return:
                _returnValue = @return.ReturnedValue is null ? null : Stored(Evaluate(@return.ReturnedValue));
                return Flow.Return;
            case IThrowOperation @throw:
                throw Stop(statement, Thrown(@throw.Exception));
            case IEmptyOperation:
            case ILocalFunctionOperation:
                return Flow.Next;
            case ILabeledOperation { Operation: { } labeled }:
                return Execute(labeled);
            case IInvalidOperation:
                throw InvalidCode();
            default:
                NotEvaluable(statement, $"{Describe(statement)} cannot be evaluated at compile time; {Advice}.");
                return Flow.Next;
        }
    }

    private Flow ExecuteBlock(IBlockOperation block)
    {
        var outer = _frame;
        if (block.Locals.Length > 0 || block.Operations.Any(o => o is ILocalFunctionOperation))
        {
            _frame = new Frame(outer, outer.Instance);
        }

        try
        {
            // Local functions can be called before their declaration; their closure is this block's frame.
            foreach (var function in block.Operations.OfType<ILocalFunctionOperation>())
            {
                _frame.Declare(function.Symbol, new Closure(function.Symbol, function.Body ?? function.IgnoredBody, _frame, _frame.Instance, _callers.ToArray()));
            }

            foreach (var inner in block.Operations)
            {
                var flow = Execute(inner);
                if (flow != Flow.Next)
                {
                    return flow;
                }
            }

            return Flow.Next;
        }
        finally
        {
            _frame = outer;
        }
    }

    private Flow ExecuteForEach(IForEachLoopOperation loop)
    {
        if (loop.IsAsynchronous)
        {
            NotEvaluable(loop, $"'await foreach' cannot be evaluated at compile time; {Advice}.");
            return Flow.Next;
        }

        var collection = Evaluate(loop.Collection);
        if (collection is Unknown)
        {
            return Flow.Next;
        }

        if (collection is not IEnumerable items || collection is ObjectValue)
        {
            NotEvaluable(loop.Collection, $"foreach over '{Text(loop.Collection)}' cannot be evaluated at compile time: the build iterates arrays, lists, dictionaries, LINQ results and iterator methods.");
            return Flow.Next;
        }

        var outer = _frame;
        try
        {
            foreach (var item in items)
            {
                Step(loop);

                // Each iteration has its own variable, as in C#: a lambda made in one iteration keeps that item.
                _frame = new Frame(outer, outer.Instance);
                Assign(loop.LoopControlVariable, item);
                var flow = Execute(loop.Body);
                _frame = outer;
                if (flow == Flow.Break)
                {
                    break;
                }

                if (flow == Flow.Return)
                {
                    return Flow.Return;
                }
            }
        }
        finally
        {
            _frame = outer;
        }

        return Flow.Next;
    }

    private Flow ExecuteFor(IForLoopOperation loop)
    {
        var outer = _frame;
        _frame = new Frame(outer, outer.Instance);
        try
        {
            foreach (var before in loop.Before)
            {
                Execute(before);
            }

            while (true)
            {
                Step(loop);
                if (loop.Condition is not null && Evaluate(loop.Condition) is not true)
                {
                    return Flow.Next;
                }

                var flow = Execute(loop.Body);
                if (flow == Flow.Break)
                {
                    return Flow.Next;
                }

                if (flow == Flow.Return)
                {
                    return Flow.Return;
                }

                foreach (var next in loop.AtLoopBottom)
                {
                    Execute(next);
                }
            }
        }
        finally
        {
            _frame = outer;
        }
    }

    private Flow ExecuteWhile(IWhileLoopOperation loop)
    {
        var first = true;
        while (true)
        {
            Step(loop);
            var checkFirst = loop.ConditionIsTop || !first;
            first = false;
            if (checkFirst && loop.Condition is not null)
            {
                var condition = Evaluate(loop.Condition);
                var holds = condition is true;
                if (loop.ConditionIsUntil ? holds : !holds)
                {
                    return Flow.Next;
                }
            }

            var flow = Execute(loop.Body);
            if (flow == Flow.Break)
            {
                return Flow.Next;
            }

            if (flow == Flow.Return)
            {
                return Flow.Return;
            }
        }
    }

    private Flow ExecuteSwitch(ISwitchOperation @switch)
    {
        var value = Evaluate(@switch.Value);
        if (value is Unknown)
        {
            return Flow.Next;
        }

        var outer = _frame;
        _frame = new Frame(outer, outer.Instance);
        try
        {
            ISwitchCaseOperation? chosen = null;
            foreach (var section in @switch.Cases)
            {
                foreach (var clause in section.Clauses)
                {
                    if (clause is IDefaultCaseClauseOperation || !Matches(value, clause, section))
                    {
                        continue;
                    }

                    chosen = section;
                    break;
                }

                if (chosen is not null)
                {
                    break;
                }
            }

            chosen ??= @switch.Cases.FirstOrDefault(s => s.Clauses.Any(c => c is IDefaultCaseClauseOperation));
            if (chosen is null)
            {
                return Flow.Next;
            }

            foreach (var statement in chosen.Body)
            {
                var flow = Execute(statement);
                if (flow == Flow.Break)
                {
                    return Flow.Next;
                }

                if (flow != Flow.Next)
                {
                    return flow;
                }
            }

            return Flow.Next;
        }
        finally
        {
            _frame = outer;
        }
    }

    private bool Matches(object? value, ICaseClauseOperation clause, ISwitchCaseOperation section)
    {
        switch (clause)
        {
            case ISingleValueCaseClauseOperation single:
                return ValueEquals(value, Evaluate(single.Value));
            case IPatternCaseClauseOperation pattern:
                return Match(value, pattern.Pattern) && (pattern.Guard is null || Evaluate(pattern.Guard) is true);
            case IRelationalCaseClauseOperation relational:
                return Compare(relational.Relation, value, Evaluate(relational.Value), relational.Value.Type);
            default:
                NotEvaluable(section, $"This switch case cannot be evaluated at compile time; {Advice}.");
                return false;
        }
    }

    private string Thrown(IOperation? exception)
    {
        if (exception is IObjectCreationOperation creation)
        {
            var message = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "message")?.Value;
            var text = message is null ? null : Evaluate(message) as string;
            return $"The stack code throws {creation.Type?.Name} here{(text is null ? string.Empty : ": " + text)}. The program would stop, so the build writes nothing.";
        }

        return "The stack code throws here. The program would stop, so the build writes nothing.";
    }

    private static string Describe(IOperation operation) => operation switch
    {
        ITryOperation => "A 'try' statement",
        IUsingOperation => "A 'using' statement",
        ILockOperation => "A 'lock' statement",
        IBranchOperation { BranchKind: BranchKind.GoTo } => "A 'goto' statement",
        IFieldReferenceOperation field => $"The field '{field.Field.Name}'",
        IPropertyReferenceOperation property => $"The property '{property.Property.Name}'",
        IObjectCreationOperation creation => $"'new {creation.Type?.Name}(...)'",
        _ => $"'{Text(operation)}'",
    };
}
